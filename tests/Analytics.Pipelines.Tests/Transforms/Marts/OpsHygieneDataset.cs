using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Open and closed deals for hygiene_findings, hygiene_scores_partner and hygiene_scores_manager. Snapshot 2026-10-07;
/// cut-off 2026-10-08 00:00, so a next step is stale when updated before 2026-10-01 00:00 and activity is missing
/// when the last one was before 2026-09-24 00:00.
/// </summary>
/// <remarks>
/// <code>
/// deal    motion / type           partners (role, attribution, pct)                    next step updated   last activity     in scope?
/// opp-01  reseller / new, no reg  ptn-01 (reseller, sourced, 70); ptn-02 (services, -, -) 09-18 12:00 (19.5 d) 09-10 00:00 (28 d) yes
/// opp-02  direct / new            none                                                 08-01 (stale)        08-01 (stale)       no: direct
/// opp-03  reseller, closed lost   ptn-01                                               08-01 (stale)        08-01 (stale)       no: closed
/// opp-04  referral / new          ptn-03 (referral, sourced, 100)                      10-01 00:00 (7 d)    10-05               yes
/// opp-05  referral / new          ptn-03 (referral, sourced, 100)                      09-30 23:59:59       09-24 00:00 (14 d)  yes
/// opp-06  (blank) / new           ptn-03 (referral, influenced, 40)                    10-06                10-06               yes
/// opp-07  services / new          none                                                 never                10-06               yes
/// opp-08  reseller / renewal, no reg  ptn-01 (reseller, sourced, 100)                  10-06                10-06               yes
/// opp-09  reseller / new, dr-01   ptn-01 (reseller, sourced, 100)                      10-06                10-06               yes
/// opp-10  direct / new            ptn-02 (services, influenced, -)                     10-06                10-06               yes: partner-touched
///
/// findings (12 rows)
/// opp-01  ptn-01, ptn-02 x reseller_without_registration, stale_next_step ("next step 19 days old (last updated 2026-09-18)"),
///         no_recent_activity ("no activity for 28 days (last on 2026-09-10)"); ptn-02 missing_attribution      -> 7 rows
/// opp-04  none: updated exactly 7 days before the cut-off is not stale
/// opp-05  ptn-03 stale_next_step ("next step 7 days old (last updated 2026-09-30)"); activity exactly 14 days old is fine
/// opp-06  ptn-03 missing_motion
/// opp-07  (no partner) missing_partner ("services motion but no partner attached"), stale_next_step ("next step never updated")
/// opp-08  none (a renewal needs no registration);  opp-09 none
/// opp-10  ptn-02 missing_attribution ("services row has no attribution_pct")
///
/// partner  open deals            with findings       score   counts
/// ptn-01   opp-01, 08, 09 = 3    opp-01 = 1          2/3     reseller 1, stale 1, no activity 1
/// ptn-02   opp-01, 10 = 2        opp-01, 10 = 2      0       missing_attribution 2, reseller 1, stale 1, no activity 1
/// ptn-03   opp-04, 05, 06 = 3    opp-05, 06 = 2      1/3     stale 1, missing_motion 1
/// ptn-04   0                     0                   null
/// manager A (ptn-01, ptn-02): opp-01, 08, 09, 10 = 4, with findings opp-01, 10 = 2, score 1/2
/// manager B (ptn-03, ptn-04): 3 deals, 2 with findings, score 1/3   (opp-07 has no partner: no manager's)
/// </code>
/// </remarks>
public static class OpsHygieneDataset
{
    public static DateOnly SnapshotDate { get; } = Day(2026, 10, 7);

    /// <summary>The dataset's warehouse, built once per test class.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records());

        public void Dispose() => Warehouse.Dispose();
    }

    public static IReadOnlyList<ICrmRecord> Records()
    {
        var fresh = At(2026, 10, 6, 10);
        var old = At(2026, 8, 1, 10);
        var created = At(2026, 7, 1, 9);
        return
        [
            Partner("ptn-01", "reseller", ManagerA),
            Partner("ptn-02", "services", ManagerA),
            Partner("ptn-03", "referral", ManagerB),
            Partner("ptn-04", "tech", ManagerB),
            Account("acc-01", "alpha.com", "smb"),
            Account("acc-02", "beta.com", "mid_market"),
            Account("acc-03", "gamma.com", "enterprise"),

            Open("opp-01", "acc-01", "reseller", created, At(2026, 9, 18, 12), At(2026, 9, 10)),
            PartnerRow("opp-01", "ptn-01", "reseller", "sourced", 70m),
            PartnerRow("opp-01", "ptn-02", "services", null, null),
            Open("opp-02", "acc-01", "direct", created, old, old),
            Lost("opp-03", "acc-02", "reseller", created, At(2026, 9, 1), 8_000m),
            PartnerRow("opp-03", "ptn-01", "reseller"),
            Open("opp-04", "acc-02", "referral", created, At(2026, 10, 1), At(2026, 10, 5)),
            PartnerRow("opp-04", "ptn-03", "referral"),
            Open("opp-05", "acc-02", "referral", created, At(2026, 9, 30, 23, 59, 59), At(2026, 9, 24)),
            PartnerRow("opp-05", "ptn-03", "referral"),
            Open("opp-06", "acc-03", null, created, fresh, fresh),
            PartnerRow("opp-06", "ptn-03", "referral", "influenced", 40m),
            Open("opp-07", "acc-03", "services", created, null, fresh),
            Open("opp-08", "acc-03", "reseller", created, fresh, fresh, type: "renewal"),
            PartnerRow("opp-08", "ptn-01", "reseller"),
            Open("opp-09", "acc-01", "reseller", created, fresh, fresh, dealRegistrationId: "dr-01"),
            PartnerRow("opp-09", "ptn-01", "reseller"),
            Open("opp-10", "acc-02", "direct", created, fresh, fresh),
            PartnerRow("opp-10", "ptn-02", "services", "influenced", null),
            Registration("dr-01", "ptn-01", "acc-01", At(2026, 6, 29, 9), At(2026, 6, 30, 9), "converted", null, Day(2026, 6, 30), Day(2026, 8, 28), "opp-09"),
        ];
    }
}
