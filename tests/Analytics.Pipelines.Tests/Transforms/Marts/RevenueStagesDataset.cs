using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// Stage intervals and stage durations, computed by hand: won, lost and open deals, a lost deal with no stage history,
/// two stages entered at the same instant, a deal that moved back a stage, and a renewal that must be left out.
/// Snapshot 2026-07-10; T = 2026-05-04 09:00 UTC; every deal is new_business unless noted.
/// </summary>
/// <remarks>
/// <code>
/// id  motion    outcome            history (stage_index at T + days)                   time in stage (days)
/// s1  direct    won                1@0  2@4  3@10  4@12  5@20  6@21                  1:4  2:6  3:2  4:8  5:1
/// s2  direct    lost               1@0  2@6  0@9                                      1:6  2:3
/// s3  direct    open, stage 2      1@0  2@2                                           1:2  (2: in stage now)
/// s4  direct    lost               no history at all                                  nothing
/// s9  direct    open, stage 2      1@0  2@3  1@5  2@6   (moved back once)             1:3  2:2  1:1  (2: in stage now)
/// s5  reseller  open, stage 3      1@0  2@1.5  3@4.5                                  1:1.5  2:3  (3: in stage now)
/// s6  reseller  won                1@0  2@0.5  3@2.5  4@3.5  5@6.5  6@7               1:0.5  2:2  3:1  4:3  5:0.5
/// s8  reseller  open, stage 3      1@0  2@0  3@2   (1 and 2 entered at the same instant: ordered by stage_index)
///                                                                                     1:0  2:2  (3: in stage now)
/// s7  reseller  renewal, won       1@-100  2@0  6@1                                   left out (not new_business)
///
/// marts.stage_durations (quantile_cont; p75 position = 0.75 * (n - 1)), 10 rows:
///   direct 1 discovery      [1, 2, 3, 4, 6]  transitions 5  median 3    p75 4    mean 3.2   in_stage_now 0
///   direct 2 qualification  [2, 3, 6]        transitions 3  median 3    p75 4.5  mean 11/3  in_stage_now 2 (s3, s9)
///   direct 3 proposal 2; 4 negotiation 8; 5 commit 1 (one transition each)
///   reseller 1 deal_registration  [0, 0.5, 1.5]  median 0.5  p75 1.0  mean 2/3  delta vs direct 0.5 - 3 = -2.5
///   reseller 2 qualification      [2, 2, 3]      median 2    p75 2.5            delta -1
///   reseller 3 configure_quote    [1]            median 1    in_stage_now 2 (s5, s8)  delta -1
///   reseller 4 transact 3; 5 launch_enable 0.5
/// intermediate.stage_intervals: 30 rows (s1 6, s2 3, s3 2, s5 3, s6 6, s7 3, s8 3, s9 4; s4 none).
/// marts.win_rates 2026-Q2: direct won 1 (s1), lost 2 (s2 and s4, whose history is missing); reseller won 1 (s6).
/// </code>
/// </remarks>
public static class RevenueStagesDataset
{
    public static readonly DateOnly SnapshotDate = new(2026, 7, 10);

    private static readonly DateTime T = Utc(2026, 5, 4, 9);

    public static IReadOnlyList<ICrmRecord> Records { get; } = Build();

    /// <summary>The dataset built with a calendar fiscal year.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records);

        public void Dispose() => Warehouse.Dispose();
    }

    private static (int, DateTime) At(int stageIndex, double days) => (stageIndex, T.AddDays(days));

    private static List<ICrmRecord> Build()
    {
        var records = new List<ICrmRecord>
        {
            Account("acc-1", "smb"),
            Won("s1", "acc-1", "new_business", "direct", 10_000.00m, T, T.AddDays(21)),
            Lost("s2", "acc-1", "new_business", "direct", 10_000.00m, T, T.AddDays(9)),
            Open("s3", "acc-1", "new_business", "direct", 10_000.00m, T, new DateOnly(2026, 8, 1), stageIndex: 2),
            Lost("s4", "acc-1", "new_business", "direct", 10_000.00m, Utc(2026, 5, 1), Utc(2026, 5, 20)),
            Open("s9", "acc-1", "new_business", "direct", 10_000.00m, T, new DateOnly(2026, 8, 1), stageIndex: 2),
            Open("s5", "acc-1", "new_business", "reseller", 10_000.00m, T, new DateOnly(2026, 8, 1), stageIndex: 3),
            Won("s6", "acc-1", "new_business", "reseller", 10_000.00m, T, T.AddDays(7)),
            Open("s8", "acc-1", "new_business", "reseller", 10_000.00m, T, new DateOnly(2026, 8, 1), stageIndex: 3),
            Won("s7", "acc-1", "renewal", "reseller", 10_000.00m, T.AddDays(-100), T.AddDays(1)),
        };
        records.AddRange(History("s1", "direct", At(1, 0), At(2, 4), At(3, 10), At(4, 12), At(5, 20), At(6, 21)));
        records.AddRange(History("s2", "direct", At(1, 0), At(2, 6), At(0, 9)));
        records.AddRange(History("s3", "direct", At(1, 0), At(2, 2)));
        records.AddRange(History("s9", "direct", At(1, 0), At(2, 3), At(1, 5), At(2, 6)));
        records.AddRange(History("s5", "reseller", At(1, 0), At(2, 1.5), At(3, 4.5)));
        records.AddRange(History("s6", "reseller", At(1, 0), At(2, 0.5), At(3, 2.5), At(4, 3.5), At(5, 6.5), At(6, 7)));
        records.AddRange(History("s8", "reseller", At(2, 0), At(1, 0), At(3, 2)));
        records.AddRange(History("s7", "reseller", At(1, -100), At(2, 0), At(6, 1)));
        return records;
    }
}
