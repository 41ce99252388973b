namespace Analytics.Reports.Data;

/// <summary>A partner as the reports name it (marts.partner_roster).</summary>
/// <param name="PartnerId">partner_id.</param>
/// <param name="Name">name.</param>
/// <param name="PartnerType">referral, reseller, marketplace, services, tech.</param>
/// <param name="Tier">registered, select, elite.</param>
/// <param name="ManagerEmail">partner_manager_email: who receives this partner's weekly scorecard.</param>
/// <param name="Region">region.</param>
public sealed record PartnerInfo(string PartnerId, string Name, string PartnerType, string Tier, string ManagerEmail, string Region);
