namespace Analytics.Sources.HubSpot.Configuration;

/// <summary>
/// Which companies are partners (<c>source.hubspot.partners</c>): those with a property set (e.g. <c>partner_type</c>),
/// or those any deal is associated with under one of the partner labels.
/// </summary>
/// <param name="Property">A company property that is set (not empty) on partners only; null when labels decide.</param>
/// <param name="ByAssociationLabel">True: a company is a partner when a deal→company association carries one of source.hubspot.attribution's labels.</param>
public sealed record PartnerRule(string? Property, bool ByAssociationLabel);
