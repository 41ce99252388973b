using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Win rates, the mix adjustment, cycle times and registered-vs-unregistered outcomes, computed by hand. Reseller
/// wins more often than direct overall (+5.4 pp) but less often than direct would with the same deals (-12.5 pp):
/// its deals sit in the small smb cell where everyone wins more. Snapshot 2026-07-10.
/// </summary>
/// <remarks>
/// <code>
/// Cells: X = (smb, '2: 5k-15k', arr 10,000), Y = (enterprise, '4: 50k-150k', arr 100,000),
///        Z = (mid_market, '1: under 5k', arr 0.00), W = (enterprise, '5: 150k and over', arr 200,000).
/// Every deal is new_business, created at 12:00 UTC cycle days before it closed at 12:00 UTC.
///
/// id  motion    cell outcome closed      cycle  partner rows / registration
/// d1  direct    X    won     2026-04-20  10
/// d2  direct    X    won     2026-04-25  20
/// d3  direct    X    lost    2026-05-05  30
/// d4  direct    X    lost    2026-05-10  40
/// d5  direct    Y    won     2026-05-20  50     ptn-s services influenced 100 (a partner-touched direct deal)
/// d6  direct    Y    lost    2026-05-25  60
/// d7  direct    Y    lost    2026-06-05  70
/// d8  direct    Y    lost    2026-06-10  80
/// r1  reseller  X    won     2026-04-15   5     ptn-r sourced 100, registered (dr-r1)
/// r2  reseller  X    won     2026-04-22  15     ptn-r sourced 100
/// r3  reseller  X    lost    2026-05-02  25     ptn-r sourced 100, registered (dr-r3)
/// r4  reseller  X    lost    2026-05-12  35     ptn-r sourced 100
/// r5  reseller  X    lost    2026-05-22  45     ptn-r sourced 100
/// r6  reseller  Y    lost    2026-06-01  55     no partner row (a hygiene gap: not partner-touched)
/// r7  reseller  Z    won     2026-06-12  65     ptn-r sourced 100, registered (dr-r7); zero ARR
/// f1  referral  W    won     2026-06-15  12     ptn-f sourced 100
/// t1  tech      X    lost    2026-02-10   7     ptn-t sourced 100 (2026-Q1: direct closed nothing that quarter)
/// Left out everywhere below: rn1 (direct renewal won 2026-05-01), o1 (open reseller, X), o2 (open direct, Y).
///
/// marts.win_rates
///   2026-Q2 direct    won 3 lost 5  win_rate 3/8 = 0.375      delta 0      mean_won_arr (10,000 + 10,000 + 100,000) / 3 = 40,000.00
///   2026-Q2 reseller  won 3 lost 4  win_rate 3/7 = 0.428571.. delta 100 * (3/7 - 3/8) = 300/56 = +5.357142857 pp
///                     mean_won_arr (10,000 + 10,000 + 0) / 3 = 6,666.67
///   2026-Q2 referral  won 1 lost 0  win_rate 1                delta +62.5 pp, mean_won_arr 200,000.00
///   2026-Q1 tech      won 0 lost 1  win_rate 0                direct_win_rate, delta, mix: null (direct closed nothing)
/// Mix adjustment, reseller 2026-Q2: shared cells X (reseller 5 closed, 2 won; direct 2/4 = 0.5) and
///   Y (reseller 1 closed, 0 won; direct 1/4 = 0.25); Z is not shared (direct has no deal there).
///   expected_direct_win_rate = (5 * 0.5 + 1 * 0.25) / 6 = 2.75 / 6 = 0.458333..
///   win_rate_in_shared_cells = 2 / 6 = 0.333333..
///   mix_adjusted_delta_pp    = 100 * (1/3 - 11/24) = -12.5        (raw delta +5.36: the sign flips)
///   mix_adjusted_coverage_share = 6 / 7
/// Direct: shared cells are all its cells, expected = 3/8, mix delta 0, coverage 1. Referral: W not shared, all null.
///
/// marts.win_rates_by_segment_band: 7 rows: direct X 2/2, direct Y 1/3, reseller X 2/3 (direct 2/2), reseller Y 0/1
///   (direct 1/3), reseller Z 1/0 (not shared, direct 0/0, direct_win_rate null), referral W 1/0, tech X (Q1) 0/1.
///
/// marts.cycle_times (quantile_cont; p75 position = 0.75 * (n - 1))
///   2026-Q2 direct    closed 8: 10..80 -> median 45, p75 60 + 0.25 * 10 = 62.5; won 10, 20, 50 -> won median 20
///   2026-Q2 reseller  closed 7: 5..65  -> median 35, p75 45 + 0.5 * 10 = 50;     won 5, 15, 65 -> won median 15
///                     delta_vs_direct_median_days -10, won_delta -5
///   2026-Q2 referral  closed 1: 12 -> median 12, p75 12, delta -33, won delta -8
///   2026-Q1 tech      closed 1: 7 -> median 7, won median null, delta null
///
/// marts.registration_outcomes (partner-touched new_business closed deals)
///   2026-Q2 direct    unregistered  won 1 lost 0  rate 1      mean 100,000.00  won_arr 100,000.00   (d5)
///   2026-Q2 reseller  registered    won 2 lost 1  rate 2/3    mean 5,000.00    won_arr 10,000.00    (r1, r7 zero ARR; r3)
///   2026-Q2 reseller  unregistered  won 1 lost 2  rate 1/3    mean 10,000.00   won_arr 10,000.00    (r2; r4, r5; r6 has no partner)
///   2026-Q2 referral  unregistered  won 1 lost 0  rate 1      mean 200,000.00  won_arr 200,000.00
///   2026-Q1 tech      unregistered  won 0 lost 1  rate 0      mean null        won_arr 0.00
/// </code>
/// </remarks>
public static class RevenueWinRatesDataset
{
    public static readonly DateOnly SnapshotDate = new(2026, 7, 10);

    // Declared before Records: static initializers run in text order.
    private static readonly Dictionary<char, (string AccountId, decimal Arr)> Cells = new()
    {
        ['X'] = ("acc-s", 10_000.00m),
        ['Y'] = ("acc-e", 100_000.00m),
        ['Z'] = ("acc-m", 0.00m),
        ['W'] = ("acc-e", 200_000.00m),
    };

    public static IReadOnlyList<ICrmRecord> Records { get; } = Build();

    /// <summary>The dataset built with a calendar fiscal year.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records);

        public void Dispose() => Warehouse.Dispose();
    }

    private static Opportunity Closed(string id, string motion, char cell, bool won, DateTime closedAt, int cycleDays, string? registrationId = null)
    {
        var (accountId, arr) = Cells[cell];
        var createdAt = closedAt.AddDays(-cycleDays);
        return won
            ? Won(id, accountId, "new_business", motion, arr, createdAt, closedAt, registrationId)
            : Lost(id, accountId, "new_business", motion, arr, createdAt, closedAt, registrationId);
    }

    private static List<ICrmRecord> Build()
    {
        var noon = (int month, int day) => Utc(2026, month, day, 12);
        return
        [
            Partner("ptn-r", "reseller"),
            Partner("ptn-f", "referral"),
            Partner("ptn-t", "tech"),
            Partner("ptn-s", "services"),
            Account("acc-s", "smb"),
            Account("acc-m", "mid_market"),
            Account("acc-e", "enterprise"),

            Closed("d1", "direct", 'X', true, noon(4, 20), 10),
            Closed("d2", "direct", 'X', true, noon(4, 25), 20),
            Closed("d3", "direct", 'X', false, noon(5, 5), 30),
            Closed("d4", "direct", 'X', false, noon(5, 10), 40),
            Closed("d5", "direct", 'Y', true, noon(5, 20), 50),
            Credit("d5", "ptn-s", "services", "influenced", 100m),
            Closed("d6", "direct", 'Y', false, noon(5, 25), 60),
            Closed("d7", "direct", 'Y', false, noon(6, 5), 70),
            Closed("d8", "direct", 'Y', false, noon(6, 10), 80),

            Closed("r1", "reseller", 'X', true, noon(4, 15), 5, "dr-r1"),
            Credit("r1", "ptn-r", "reseller", "sourced", 100m),
            Registration("dr-r1", "ptn-r", "acc-s", "r1", noon(4, 8)),
            Closed("r2", "reseller", 'X', true, noon(4, 22), 15),
            Credit("r2", "ptn-r", "reseller", "sourced", 100m),
            Closed("r3", "reseller", 'X', false, noon(5, 2), 25, "dr-r3"),
            Credit("r3", "ptn-r", "reseller", "sourced", 100m),
            Registration("dr-r3", "ptn-r", "acc-s", "r3", noon(4, 5)),
            Closed("r4", "reseller", 'X', false, noon(5, 12), 35),
            Credit("r4", "ptn-r", "reseller", "sourced", 100m),
            Closed("r5", "reseller", 'X', false, noon(5, 22), 45),
            Credit("r5", "ptn-r", "reseller", "sourced", 100m),
            Closed("r6", "reseller", 'Y', false, noon(6, 1), 55),
            Closed("r7", "reseller", 'Z', true, noon(6, 12), 65, "dr-r7"),
            Credit("r7", "ptn-r", "reseller", "sourced", 100m),
            Registration("dr-r7", "ptn-r", "acc-m", "r7", noon(4, 6)),

            Closed("f1", "referral", 'W', true, noon(6, 15), 12),
            Credit("f1", "ptn-f", "referral", "sourced", 100m),
            Closed("t1", "tech", 'X', false, noon(2, 10), 7),
            Credit("t1", "ptn-t", "tech", "sourced", 100m),

            Won("rn1", "acc-e", "renewal", "direct", 100_000.00m, noon(4, 1), noon(5, 1)),
            Open("o1", "acc-s", "new_business", "reseller", 10_000.00m, noon(5, 1), new DateOnly(2026, 7, 31), stageIndex: 3),
            Credit("o1", "ptn-r", "reseller", "sourced", 100m),
            Open("o2", "acc-e", "new_business", "direct", 100_000.00m, noon(3, 1), new DateOnly(2026, 8, 31), stageIndex: 2),
        ];
    }
}
