using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;

namespace Analytics.Reports.Weekly;

/// <summary>
/// The addresses of deals and partners in the CRM, from the record ids as landed: opportunity_id is the CRM's deal
/// record id (Salesforce Opportunity.Id, HubSpot deal id) and partner_id its partner record id (Salesforce Account id,
/// HubSpot company id) under the default mappings. Ids are URL-encoded into the template; no template, no link.
/// </summary>
/// <param name="DealTemplate">A deal's address with <c>{id}</c>, or null.</param>
/// <param name="PartnerTemplate">A partner's address with <c>{id}</c>, or null.</param>
public sealed record CrmLinks(string? DealTemplate, string? PartnerTemplate)
{
    /// <summary>HubSpot's app address when none is configured.</summary>
    public const string HubSpotApp = "https://app.hubspot.com";

    /// <summary>No links (the demo CRM and file drops unless configured).</summary>
    public static CrmLinks None { get; } = new(null, null);

    /// <summary>
    /// The links for <paramref name="kind"/>: configured templates first, else the source's default: Salesforce
    /// Lightning record pages under the configured My Domain (no base_url: no links, as login.salesforce.com does not
    /// say which org), HubSpot record pages of the configured portal (0-3 deals, 0-2 companies; no portal_id: no links).
    /// </summary>
    public static CrmLinks For(SourceKind kind, CrmLinksConfig links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var (deal, partner) = kind switch
        {
            SourceKind.Salesforce when links.BaseUrl is { } org =>
                ($"{org}/lightning/r/Opportunity/{{id}}/view", $"{org}/lightning/r/Account/{{id}}/view"),
            SourceKind.HubSpot when links.PortalId is { } portal =>
                ($"{links.BaseUrl ?? HubSpotApp}/contacts/{portal}/record/0-3/{{id}}", $"{links.BaseUrl ?? HubSpotApp}/contacts/{portal}/record/0-2/{{id}}"),
            _ => ((string?)null, (string?)null),
        };
        return new CrmLinks(Fill(links.Deal ?? deal, links.PortalId), Fill(links.Partner ?? partner, links.PortalId));
    }

    /// <summary>The deal's address, or null without a template.</summary>
    public string? Deal(string opportunityId) => Url(DealTemplate, opportunityId);

    /// <summary>The partner's address, or null without a template.</summary>
    public string? Partner(string partnerId) => Url(PartnerTemplate, partnerId);

    private static string? Url(string? template, string id) =>
        template is null || string.IsNullOrEmpty(id) ? null : template.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    private static string? Fill(string? template, string? portalId) =>
        template is null ? null
        : template.Contains("{portal_id}", StringComparison.Ordinal) ? (portalId is null ? null : template.Replace("{portal_id}", portalId, StringComparison.Ordinal))
        : template;
}
