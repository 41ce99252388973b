using Analytics.TestSupport.HubSpot;
using Analytics.TestSupport.HubSpot.Seeding;

namespace Analytics.Sources.HubSpot.Tests.Fixtures;

/// <summary>
/// A tiny portal in the shape the default mapping reads (as <see cref="DemoPortalSeeder"/> writes it): two partners,
/// two customers, three deals in the referral and direct pipelines with stage history and partner associations, a
/// meeting and a certification.
/// </summary>
internal static class PartnerPortal
{
    public static HubSpotPortal Create(TimeProvider clock)
    {
        var portal = new HubSpotPortal(clock);
        var seeder = new DemoPortalSeeder(portal); // pipelines, object types, scopes
        _ = seeder;
        portal.Owners.Add(("7000001", "ana@example.com"));
        portal.Owners.Add(("7000002", "ben@example.com"));
        portal.Upsert("companies", "9001", ("name", "Northwind Partners"), ("industry", "software"), ("region", "emea"), ("partner_type", "referral"),
            ("partner_tier", "select"), ("partner_status", "active"), ("partner_joined_at", "2024-01-15T09:00:00.000Z"), ("hubspot_owner_id", "7000001"));
        portal.Upsert("companies", "9002", ("name", "Contoso Cloud"), ("industry", "cloud"), ("region", "na"), ("partner_type", "reseller"),
            ("partner_tier", "elite"), ("partner_status", "active"), ("partner_joined_at", "2023-05-01T09:00:00.000Z"), ("hubspot_owner_id", "7000001"));
        portal.Upsert("companies", "5001", ("name", "Acme"), ("domain", "acme.example"), ("region", "emea"), ("segment", "mid_market"), ("hubspot_owner_id", "7000002"));
        portal.Upsert("companies", "5002", ("name", "Globex"), ("domain", "globex.example"), ("region", "na"), ("segment", "enterprise"), ("hubspot_owner_id", "7000002"), ("incumbent_partner_id", "9002"));
        Deal(portal, "3001", "5001", "referral", "validate", ("referral_intro_logged", "2026-01-05T10:00:00.000Z"), ("referral_validate", "2026-01-20T10:00:00.000Z"));
        Deal(portal, "3002", "5002", "direct", "proposal", ("direct_discovery", "2026-02-01T10:00:00.000Z"), ("direct_qualification", "2026-02-10T10:00:00.000Z"), ("direct_proposal", "2026-02-20T10:00:00.000Z"));
        Deal(portal, "3003", "5002", "referral", "intro_logged", ("referral_intro_logged", "2026-02-25T10:00:00.000Z"));
        Partner(portal, "3001", "9001", 101, "Sourced partner", "100", "2026-01-05T10:00:00.000Z");
        Partner(portal, "3003", "9001", 102, "Influencing partner", "60", "2026-02-25T10:00:00.000Z");
        Partner(portal, "3003", "9002", 102, "Influencing partner", "40", "2026-02-26T10:00:00.000Z");
        portal.Upsert("meetings", "8001", ("hs_timestamp", "2026-02-27T15:00:00.000Z"), ("partner_company_id", "9001"));
        portal.Associate("meetings", "8001", "deals", "3003", 212, "HUBSPOT_DEFINED", null);
        portal.Upsert("p_certifications", "6001", ("partner_company_id", "9002"), ("person_email", "eve@contoso.example"), ("certification", "Sales Pro"), ("earned_at", "2025-06-01T00:00:00.000Z"));
        return portal;
    }

    /// <summary>A deal in <paramref name="motion"/>'s pipeline at <paramref name="stage"/>, with its stage history.</summary>
    public static void Deal(HubSpotPortal portal, string id, string account, string motion, string stage, params (string StageId, string At)[] history)
    {
        portal.Upsert("deals", id, ("dealname", $"Deal {id}"), ("dealtype", "newbusiness"), ("partner_motion", motion == "direct" ? "direct" : motion),
            ("pipeline", DemoPortalSeeder.PipelineId(motion)), ("dealstage", DemoPortalSeeder.StageId(motion, stage)), ("hs_is_closed", "false"),
            ("hs_is_closed_won", "false"), ("amount", "50000"), ("closedate", "2026-06-30T00:00:00.000Z"), ("hubspot_owner_id", "7000002"),
            ("conflict_status", "none"));
        portal.SetQuietly("deals", id, ("createdate", history[0].At));
        portal.ClearHistory("deals", id);
        foreach (var (stageId, at) in history)
        {
            portal.AddHistory("deals", id, stageId, DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        }

        portal.Associate("deals", id, "companies", account, DemoPortalSeeder.PrimaryCompany, "HUBSPOT_DEFINED", "Primary");
        portal.Associate("deals", id, "companies", account, DemoPortalSeeder.DealToCompany, "HUBSPOT_DEFINED", null);
    }

    /// <summary>A partner on a deal: the labelled association and its pct and added-at pairs.</summary>
    public static void Partner(HubSpotPortal portal, string deal, string company, int typeId, string label, string? pct, string addedAt)
    {
        portal.Associate("deals", deal, "companies", company, DemoPortalSeeder.DealToCompany, "HUBSPOT_DEFINED", null);
        portal.Associate("deals", deal, "companies", company, typeId, "USER_DEFINED", label);
        string Append(string property, string pair) => portal.Get("deals", deal, property) is { } current ? current + ";" + pair : pair;
        portal.SetQuietly("deals", deal, ("partner_added_at", Append("partner_added_at", $"{company}={addedAt}")));
        if (pct is not null)
        {
            portal.SetQuietly("deals", deal, ("partner_attribution_pct", Append("partner_attribution_pct", $"{company}={pct}")));
        }
    }
}
