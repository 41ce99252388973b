using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Services attach, renewal rate and expansion ARR on partner-assisted accounts vs the others, computed by hand; each
/// way an account can be partner-assisted appears, and one renewal closes before the account's first partner win.
/// Snapshot 2026-07-10; every deal closes at 12:00 UTC. Partners: ptn-s services, ptn-r reseller.
/// </summary>
/// <remarks>
/// <code>
/// Partner-assisted (intermediate.revenue_account_deals): 1. the account has an incumbent partner; 2. the deal itself
/// has a partner row; 3. a partner-touched deal on the account closed won before this deal closed.
///
/// id  account   type       motion    arr        closed      outcome  partner rows                 assisted (reason)
/// n1  acc-win   new_bus.   reseller  20,000.00  2026-02-15  won      ptn-r reseller sourced 100    -
/// n2  acc-dir   new_bus.   direct    15,000.00  2026-03-01  won      ptn-s services influenced 100 -
/// rA  acc-inc   renewal    direct    30,000.00  2026-03-20  won      -                             yes (incumbent_partner: ptn-r)
/// rB  acc-win   renewal    direct    20,000.00  2026-04-10  won      -                             yes (earlier_partner_win: n1)
/// rC  acc-late  renewal    direct    25,000.00  2026-04-20  lost     -                             no  (n3 wins only later)
/// x1  acc-inc   expansion  direct     8,000.00  2026-04-25  won      -                             yes (incumbent_partner)
/// n3  acc-late  new_bus.   services  40,000.00  2026-05-10  won      ptn-s services sourced 100    -
/// rD  acc-dir   renewal    direct    10,000.00  2026-05-15  won      -                             yes (earlier_partner_win: n2)
/// x2  acc-dir2  expansion  direct         0.00  2026-05-20  won      -                             no
/// rE  acc-dir2  renewal    direct    12,000.00  2026-06-01  won      -                             no
/// rF  acc-dir3  renewal    direct     9,000.00  2026-06-05  lost     -                             no
/// rG  acc-onr   renewal    services  50,000.00  2026-06-10  lost     ptn-s services influenced 100 yes (partner_on_deal)
/// x3  acc-dir2  expansion  direct     5,000.50  2026-06-20  won      -                             no
/// x4  acc-late  expansion  services   7,000.00  2026-06-25  won      ptn-s services influenced 100 yes (partner_on_deal)
/// x5  acc-dir3  expansion  direct     3,000.00  2026-06-28  lost     -                             no
/// rO  acc-inc   renewal    direct    30,000.00  open (close_date 2026-09-15)                       yes (incumbent_partner); not closed
///
/// marts.attach_and_renewal (spine 2025-Q4 .. 2026-Q3)
///   quarter  won  services  share  services_arr  assisted renewals  rate  other renewals  rate  assisted exp.  arr        other exp.  arr
///   2025-Q4   0   0         null        0.00     0 / 0              null  0 / 0           null  0              0.00      0           0.00
///   2026-Q1   3   1 (n2)    1/3    15,000.00     1 / 0 (rA)         1     0 / 0           null  0              0.00      0           0.00
///   2026-Q2   8   2 (n3 x4) 0.25   47,000.00     2 / 1 (rB rD; rG)  2/3   1 / 2 (rE; rC rF) 1/3 2 (x1 x4)  15,000.00   2 (x2 x3)  5,000.50
///   2026-Q3   0   0         null        0.00     0 / 0              null  0 / 0           null  0              0.00      0           0.00
///   (2026-Q2 won deals: rB n3 rD x2 rE x3 x4 x1; renewals as won / lost)
/// </code>
/// </remarks>
public static class RevenueAttachDataset
{
    public static readonly DateOnly SnapshotDate = new(2026, 7, 10);

    public static IReadOnlyList<ICrmRecord> Records { get; } = Build();

    /// <summary>The dataset built with a calendar fiscal year.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records);

        public void Dispose() => Warehouse.Dispose();
    }

    private static DateTime Noon(int month, int day) => Utc(2026, month, day, 12);

    private static List<ICrmRecord> Build() =>
    [
        Partner("ptn-s", "services"),
        Partner("ptn-r", "reseller"),
        Account("acc-inc", "smb", incumbentPartnerId: "ptn-r"),
        Account("acc-win", "smb"),
        Account("acc-late", "mid_market"),
        Account("acc-dir", "smb"),
        Account("acc-dir2", "smb"),
        Account("acc-dir3", "smb"),
        Account("acc-onr", "enterprise"),

        Won("n1", "acc-win", "new_business", "reseller", 20_000.00m, Noon(1, 10), Noon(2, 15)),
        Credit("n1", "ptn-r", "reseller", "sourced", 100m),
        Won("n2", "acc-dir", "new_business", "direct", 15_000.00m, Noon(1, 20), Noon(3, 1)),
        Credit("n2", "ptn-s", "services", "influenced", 100m),
        Won("rA", "acc-inc", "renewal", "direct", 30_000.00m, Noon(1, 5), Noon(3, 20)),
        Won("rB", "acc-win", "renewal", "direct", 20_000.00m, Noon(2, 20), Noon(4, 10)),
        Lost("rC", "acc-late", "renewal", "direct", 25_000.00m, Noon(2, 1), Noon(4, 20)),
        Won("x1", "acc-inc", "expansion", "direct", 8_000.00m, Noon(3, 1), Noon(4, 25)),
        Won("n3", "acc-late", "new_business", "services", 40_000.00m, Noon(3, 15), Noon(5, 10)),
        Credit("n3", "ptn-s", "services", "sourced", 100m),
        Won("rD", "acc-dir", "renewal", "direct", 10_000.00m, Noon(3, 1), Noon(5, 15)),
        Won("x2", "acc-dir2", "expansion", "direct", 0.00m, Noon(4, 1), Noon(5, 20)),
        Won("rE", "acc-dir2", "renewal", "direct", 12_000.00m, Noon(4, 1), Noon(6, 1)),
        Lost("rF", "acc-dir3", "renewal", "direct", 9_000.00m, Noon(4, 1), Noon(6, 5)),
        Lost("rG", "acc-onr", "renewal", "services", 50_000.00m, Noon(4, 1), Noon(6, 10)),
        Credit("rG", "ptn-s", "services", "influenced", 100m),
        Won("x3", "acc-dir2", "expansion", "direct", 5_000.50m, Noon(5, 1), Noon(6, 20)),
        Won("x4", "acc-late", "expansion", "services", 7_000.00m, Noon(5, 20), Noon(6, 25)),
        Credit("x4", "ptn-s", "services", "influenced", 100m),
        Lost("x5", "acc-dir3", "expansion", "direct", 3_000.00m, Noon(5, 1), Noon(6, 28)),
        Open("rO", "acc-inc", "renewal", "direct", 30_000.00m, Noon(6, 1), new DateOnly(2026, 9, 15)),
    ];
}
