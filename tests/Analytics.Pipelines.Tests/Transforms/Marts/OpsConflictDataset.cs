using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Conflicts, registrations and open deals for conflicts_quarterly, conflict_rate_quarterly and conflict_signals.
/// Snapshot 2026-10-07 (a Wednesday); cut-off 2026-10-08 00:00. Fiscal year = calendar year; partners joined
/// 2025-01-06, so the quarter spine runs 2025-Q1 to 2026-Q4.
/// </summary>
/// <remarks>
/// <code>
/// Conflicts (acknowledge due opened + 24 h; resolve due add_business_days(opened, 5): weekend openings count from Monday 00:00)
/// id      type / cause                       opened              ack (h)            resolved             resolve due         5 bd          days
/// cfl-01  vertical / territory_overlap       Fri 2026-09-04 10:00  5: met           Thu 09-10 10:00      Fri 09-11 10:00     met           6
/// cfl-02  vertical / territory_overlap       Fri 2026-09-04 10:00  24 exactly: met  Fri 09-11 15:00      Fri 09-11 10:00     missed        7 5/24
/// cfl-03  horizontal / duplicate_reg.        Sat 2026-09-05 15:00  25: missed       Fri 09-11 23:00      Mon 09-14 00:00     met           6 8/24
/// cfl-04  horizontal / duplicate_reg.        Sat 2026-09-05 15:00  1: met           Mon 09-14 09:00      Mon 09-14 00:00     missed        8 18/24
/// cfl-05  vertical / pricing                 Wed 2026-10-07 09:00  none: not_yet_due  -                  Wed 10-14 09:00     not_yet_due   -
/// cfl-06  vertical / pricing                 Mon 2026-10-05 09:00  none: missed     -                    Mon 10-12 09:00     not_yet_due   -
/// cfl-07  multi_channel / unclear_rules      Wed 2026-06-10 09:00  1: met           -                    Wed 06-17 09:00     missed        -
///
/// conflicts_quarterly                         opened  ack met/missed/pending  share  resolve met/missed/pending  share  median days
/// 2026-Q2 multi_channel unclear_rules         1       1/0/0                   1      0/1/0                       0      null
/// 2026-Q3 horizontal duplicate_registration   2       1/1/0                   0.5    1/1/0                       0.5    (6 8/24 + 8 18/24) / 2 = 7.541666...
/// 2026-Q3 vertical territory_overlap          2       2/0/0                   1      1/1/0                       0.5    (6 + 7 5/24) / 2 = 6.604166...
/// 2026-Q4 vertical pricing                    2       0/1/1                   0      0/0/2                       null   null
///
/// Registrations (submitted quarter; protection window; running on 2026-10-07?)
/// dr-01 ptn-01 acc-03 2026-Q3 approved  09-01..10-30 running  } overlap, different partners      -> overlapping_protection acc-03
/// dr-02 ptn-02 acc-03 2026-Q3 approved  09-20..11-18 running  }
/// dr-03 ptn-01 acc-04 2026-Q2 converted 06-01..07-30 ended    } overlap, but neither running     -> no signal
/// dr-04 ptn-02 acc-04 2026-Q3 approved  07-15..09-12 ended    }
/// dr-05 ptn-03 (no account; domain EPSILON.com = acc-05) 2026-Q3 approved 09-10..11-08 running } overlap -> overlapping_protection acc-05
/// dr-06 ptn-01 acc-05 2026-Q3 converted 08-01..09-29 ended, opportunity opp-51                    }
/// dr-07 ptn-01 acc-06 2026-Q3 approved  09-01..10-30 running  } same partner                      -> no signal
/// dr-08 ptn-01 acc-06 2026-Q3 approved  09-15..11-13 running  }
/// dr-09 ptn-02 acc-06 2026-Q4 declined (no protection)
/// dr-10 ptn-03 acc-01 2025-Q4 declined
///
/// conflict_rate_quarterly: 2025-Q4 0 / 1 = 0; 2026-Q2 1 / 1 = 100; 2026-Q3 4 / 7 = 57.142857...; 2026-Q4 2 / 1 = 200;
///                          2025-Q1..Q3 and 2026-Q1: 0 / 0, rate null (zero-filled rows).
///
/// Open deals: acc-01 opp-11 direct (no partner) + opp-12 reseller (ptn-01)    -> two_opportunities, direct_vs_partner
///             acc-02 opp-21 direct + opp-22 direct                               -> two_opportunities (no partners)
///             acc-03 opp-31 reseller (ptn-01) open + opp-32 direct closed lost    -> nothing from deals
///             acc-05 opp-51 reseller (ptn-01) + opp-52 direct motion with a ptn-03 row (partner-touched, so not "direct")
///                                                                                -> two_opportunities only
/// </code>
/// </remarks>
public static class OpsConflictDataset
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
        var recent = At(2026, 10, 6);
        return
        [
            Partner("ptn-01", "reseller", ManagerA),
            Partner("ptn-02", "reseller", ManagerA),
            Partner("ptn-03", "referral", ManagerB),
            Account("acc-01", "alpha.com", "smb"),
            Account("acc-02", "beta.com", "smb"),
            Account("acc-03", "gamma.com", "mid_market"),
            Account("acc-04", "delta.com", "mid_market"),
            Account("acc-05", "epsilon.com", "enterprise"),
            Account("acc-06", "zeta.com", "enterprise"),

            Conflict("cfl-01", "acc-01", "vertical", "territory_overlap", At(2026, 9, 4, 10), At(2026, 9, 4, 15), At(2026, 9, 10, 10)),
            Conflict("cfl-02", "acc-02", "vertical", "territory_overlap", At(2026, 9, 4, 10), At(2026, 9, 5, 10), At(2026, 9, 11, 15)),
            Conflict("cfl-03", "acc-03", "horizontal", "duplicate_registration", At(2026, 9, 5, 15), At(2026, 9, 6, 16), At(2026, 9, 11, 23)),
            Conflict("cfl-04", "acc-04", "horizontal", "duplicate_registration", At(2026, 9, 5, 15), At(2026, 9, 5, 16), At(2026, 9, 14, 9)),
            Conflict("cfl-05", "acc-05", "vertical", "pricing", At(2026, 10, 7, 9), null, null),
            Conflict("cfl-06", "acc-06", "vertical", "pricing", At(2026, 10, 5, 9), null, null),
            Conflict("cfl-07", "acc-01", "multi_channel", "unclear_rules", At(2026, 6, 10, 9), At(2026, 6, 10, 10), null),

            Registration("dr-01", "ptn-01", "acc-03", At(2026, 8, 31, 9), At(2026, 9, 1, 9), "approved", null, Day(2026, 9, 1), Day(2026, 10, 30)),
            Registration("dr-02", "ptn-02", "acc-03", At(2026, 9, 19, 9), At(2026, 9, 20, 9), "approved", null, Day(2026, 9, 20), Day(2026, 11, 18)),
            Registration("dr-03", "ptn-01", "acc-04", At(2026, 5, 31, 9), At(2026, 6, 1, 9), "converted", null, Day(2026, 6, 1), Day(2026, 7, 30), "opp-41"),
            Registration("dr-04", "ptn-02", "acc-04", At(2026, 7, 14, 9), At(2026, 7, 15, 9), "approved", null, Day(2026, 7, 15), Day(2026, 9, 12)),
            Registration("dr-05", "ptn-03", null, At(2026, 9, 9, 9), At(2026, 9, 10, 9), "approved", null, Day(2026, 9, 10), Day(2026, 11, 8), companyDomain: "EPSILON.com"),
            Registration("dr-06", "ptn-01", "acc-05", At(2026, 7, 31, 9), At(2026, 8, 1, 9), "converted", null, Day(2026, 8, 1), Day(2026, 9, 29), "opp-51"),
            Registration("dr-07", "ptn-01", "acc-06", At(2026, 8, 31, 9), At(2026, 9, 1, 9), "approved", null, Day(2026, 9, 1), Day(2026, 10, 30)),
            Registration("dr-08", "ptn-01", "acc-06", At(2026, 9, 14, 9), At(2026, 9, 15, 9), "approved", null, Day(2026, 9, 15), Day(2026, 11, 13)),
            Registration("dr-09", "ptn-02", "acc-06", At(2026, 10, 2, 9), At(2026, 10, 2, 12), "declined", "duplicate"),
            Registration("dr-10", "ptn-03", "acc-01", At(2025, 12, 1, 9), At(2025, 12, 1, 12), "declined", "not_qualified"),

            Open("opp-11", "acc-01", "direct", At(2026, 9, 1), recent, recent),
            Open("opp-12", "acc-01", "reseller", At(2026, 9, 2), recent, recent),
            PartnerRow("opp-12", "ptn-01", "reseller"),
            Open("opp-21", "acc-02", "direct", At(2026, 9, 1), recent, recent),
            Open("opp-22", "acc-02", "direct", At(2026, 9, 3), recent, recent, type: "expansion"),
            Open("opp-31", "acc-03", "reseller", At(2026, 9, 2), recent, recent),
            PartnerRow("opp-31", "ptn-01", "reseller"),
            Lost("opp-32", "acc-03", "direct", At(2026, 8, 1), At(2026, 9, 1), 5_000m),
            Won("opp-41", "acc-04", "reseller", At(2026, 6, 20), At(2026, 8, 1), 12_000m),
            PartnerRow("opp-41", "ptn-01", "reseller"),
            Open("opp-51", "acc-05", "reseller", At(2026, 9, 20), recent, recent, dealRegistrationId: "dr-06"),
            PartnerRow("opp-51", "ptn-01", "reseller"),
            Open("opp-52", "acc-05", "direct", At(2026, 9, 25), recent, recent),
            PartnerRow("opp-52", "ptn-03", "referral", "influenced", 20m),
        ];
    }
}
