using Analytics.Pipelines.Configuration;

namespace Analytics.Reports.Configuration;

/// <summary>
/// <c>delivery.crm_links:</c>, how the weekly email links each deal and partner to its record in the CRM. The source's
/// defaults (Salesforce: <see cref="BaseUrl"/> is the org's My Domain; HubSpot: <see cref="PortalId"/>) fill the
/// templates not given; a source without a default (demo, files, postgres) links only when both are configured.
/// </summary>
/// <param name="BaseUrl">Salesforce: the org's My Domain (https://acme.my.salesforce.com); HubSpot: the app's address
/// (default https://app.hubspot.com; https://app-eu1.hubspot.com for an EU portal).</param>
/// <param name="PortalId">HubSpot: the portal (hub) id the record addresses carry.</param>
/// <param name="Deal">A deal's address with <c>{id}</c> for its record id (overrides the source's default).</param>
/// <param name="Partner">A partner's address with <c>{id}</c> (overrides the source's default).</param>
public sealed record CrmLinksConfig(string? BaseUrl, string? PortalId, string? Deal, string? Partner)
{
    /// <summary>Nothing configured: the source's defaults alone.</summary>
    public static CrmLinksConfig None { get; } = new(null, null, null, null);

    /// <summary>Reads <paramref name="section"/>; an address that is not absolute http(s), or a template without
    /// <c>{id}</c>, is an error naming the line.</summary>
    public static CrmLinksConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var links = new CrmLinksConfig(Address(section, "base_url", template: false), section.OptionalString("portal_id"),
            Address(section, "deal", template: true), Address(section, "partner", template: true));
        if (links.PortalId is { } portal && !portal.All(char.IsAsciiDigit))
        {
            throw section.Error("portal_id", $"'{portal}' is not a HubSpot portal id (digits only)");
        }

        section.RejectUnknownKeys();
        return links;
    }

    private static string? Address(YamlSection section, string key, bool template)
    {
        var value = section.OptionalString(key);
        if (value is null)
        {
            return null;
        }

        var probe = value.Replace("{id}", "1", StringComparison.Ordinal).Replace("{portal_id}", "1", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw section.Error(key, $"'{value}' is not an http or https address");
        }

        if (template && !value.Contains("{id}", StringComparison.Ordinal))
        {
            throw section.Error(key, $"'{value}' has no {{id}} where the record id goes");
        }

        return template ? value : value.TrimEnd('/');
    }
}
