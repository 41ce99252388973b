using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Tests.Crm;

/// <summary>One fully populated record of every entity, in <see cref="CrmSchema.Entities"/> order.</summary>
internal static class SampleRecords
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    public static IReadOnlyList<ICrmRecord> All { get; } =
    [
        new Partner("ptn-0001", "Cedarbrook Consulting", "services", "select", "emea", "healthcare", "ana.silva@vendor.example", At, "offboarded", At.AddDays(400)),
        new Account("acc-000001", "Brightforge Labs", "brightforgelabs.com", "emea", "mid_market", "noah.kim@vendor.example", "ptn-0001"),
        new Opportunity(
            "opp-000001-01", "acc-000001", "Brightforge Labs - Platform", "new_business", "reseller", "closed_lost", 0, true, false,
            12_340.00m, At, new DateOnly(2026, 4, 1), At.AddDays(30), "noah.kim@vendor.example", "Send proposal", At.AddDays(3),
            At.AddDays(29), "dr-000001-01", "risk", "price"),
        new OpportunityPartner("opp-000001-01", "ptn-0001", "reseller", "sourced", 60.00m, At),
        new StageHistoryEntry("opp-000001-01", "deal_registration", 1, At),
        new DealRegistration(
            "dr-000001-01", "ptn-0001", "acc-000001", "Brightforge Labs", "brightforgelabs.com", "opp-000001-01", At.AddDays(-2), At.AddDays(-1),
            "converted", "other", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 30), 1),
        new LeadRegistration("ld-000001-01", "ptn-0001", "Brightforge Labs", "brightforgelabs.com", At, At.AddHours(3), At.AddDays(1), "approved", At.AddDays(6), "opp-000001-01"),
        new Activity("act-000001-01-001", "opp-000001-01", "ptn-0001", "meeting", At),
        new Certification("cert-0001-001", "ptn-0001", "lena.berg@cedarbrookconsulting.com", "solution_architect", At, At.AddDays(730)),
        new CsatResponse("csat-000001-01", "ptn-0001", "acc-000001", 4, At),
        new PartnerProof("prf-0001-001", "ptn-0001", "sow", At),
        new Conflict("cfl-000001-01", "acc-000001", "vertical", "territory_overlap", At, At.AddHours(5), At.AddDays(3), "partner_retains"),
    ];
}
