using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.TestSupport.Datasets;

/// <summary>
/// Credited ARR, pipeline and the program's quarter, computed by hand: split attribution over several partners, deals
/// closed on a quarter boundary, open deals, zero-ARR deals, and the same records under a February fiscal year.
/// Snapshot 2026-07-10. Partners (joined 2025-11-03): ptn-a reseller, ptn-b services, ptn-c tech, ptn-d referral.
/// </summary>
/// <remarks>
/// <code>
/// id  type       motion    arr         created     closed (UTC) / close_date   outcome  partner rows (role attribution pct)
/// w1  new_bus.   reseller  100,000.00  2026-02-10  2026-04-01 00:00:00         won      a reseller sourced 60; b services influenced 40; c tech influenced null
/// w2  new_bus.   referral   50,000.00  2026-01-05  2026-03-31 23:59:59         won      d referral sourced 100
/// w3  new_bus.   reseller        0.00  2026-04-20  2026-05-15 10:00            won      a reseller sourced 100
/// w4  renewal    reseller   30,000.00  2025-12-01  2026-01-31 12:00            won      a reseller sourced 100
/// w5  new_bus.   direct     20,000.00  2026-01-10  2026-02-01 08:00            won      -
/// w6  expansion  direct     10,000.00  2026-04-02  2026-06-30 10:00            won      b services influenced 100
/// w7  new_bus.   tech       12,345.67  2026-04-05  2026-05-20 10:00            won      c tech sourced 100; b services influenced 33.33; d referral null null
/// w8  new_bus.   direct      7,654.33  2026-05-05  2026-06-15 10:00            won      -
/// l1  new_bus.   referral   70,000.00  2026-03-01  2026-04-15 10:00            lost     d referral sourced 100
/// l2  new_bus.   direct          0.00  2026-03-10  2026-05-01 10:00            lost     -
/// l3  new_bus.   direct     15,000.00  2026-05-02  2026-06-10 10:00            lost     -
/// o1  new_bus.   reseller   40,000.00  2026-06-01  close_date 2026-08-15       open     a reseller sourced 50; d referral sourced 50
/// o2  new_bus.   services   25,000.00  2026-06-20  close_date 2026-10-05       open     b services sourced 100; c tech influenced 100
/// o3  new_bus.   direct     15,000.00  2026-07-01  close_date 2026-09-30       open     -
///
/// Credit = arr * pct / 100 (w7's b: 12,345.67 * 33.33 / 100 = 4,114.811811 -> 4,114.81). Calendar fiscal year:
/// marts.partner_arr_quarterly, 13 rows (lost l1 credits nothing and makes no row):
///   ptn-a reseller 2026-Q1  sourced 30,000.00 (w4, a renewal: every type counts)          sourced_won_deals 1
///   ptn-d referral 2026-Q1  sourced 50,000.00 (w2, closed 23:59:59 on 03-31 -> Q1)         sourced_won_deals 1
///   ptn-a reseller 2026-Q2  sourced 60,000.00 (w1 60 % of 100,000, closed 04-01 00:00 -> Q2) + 0.00 (w3)  sourced_won_deals 2
///   ptn-b reseller 2026-Q2  influenced 40,000.00 (w1)                                      influenced_won_deals 1
///   ptn-c reseller 2026-Q2  all 0 (w1, null pct)                                           unattributed_won_deals 1
///   ptn-b direct   2026-Q2  influenced 10,000.00 (w6)
///   ptn-c tech     2026-Q2  sourced 12,345.67 (w7)
///   ptn-b tech     2026-Q2  influenced 4,114.81 (w7)
///   ptn-d tech     2026-Q2  all 0 (w7, null attribution)                                   unattributed_won_deals 1
///   ptn-a reseller 2026-Q3  sourced_pipeline 20,000.00 (o1 50 %)                           sourced_pipeline_deals 1
///   ptn-d reseller 2026-Q3  sourced_pipeline 20,000.00 (o1 50 %)
///   ptn-b services 2026-Q4  sourced_pipeline 25,000.00 (o2, close_date after the snapshot quarter)
///   ptn-c services 2026-Q4  influenced_pipeline 25,000.00 (o2)
///
/// marts.program_quarterly, calendar year (spine 2025-Q4 .. 2026-Q3: partners joined 2025-11-03):
///   quarter  won_arr     pt_won_arr  pt_share         won pt lost  new_pipeline  partner_new  share           created p  sourced    influenced
///   2025-Q4        0.00        0.00  null               0  0   0          0.00         0.00  null               0 0       0.00       0.00
///   2026-Q1  100,000.00   80,000.00  0.8              3  2   0    240,000.00   220,000.00  0.916666...        5 3  80,000.00       0.00
///            (w2, w4, w5)  (w2, w4)                                (w1, w2, w5, l1, l2)  (w1, w2, l1)
///   2026-Q2  130,000.00  122,345.67  0.941120538...   5  4   3    100,000.00    77,345.67  0.7734567        6 4  72,345.67  54,114.81
///            (w1, w3, w6, w7, w8)        (l1 l2 l3)  (w3, w7, w8, l3, o1, o2)  (w3 w7 o1 o2)  (a 60,000 + a 0 + c 12,345.67) (b 40,000 + 10,000 + 4,114.81)
///   2026-Q3        0.00        0.00  null               0  0   0     15,000.00         0.00  0.0              1 0       0.00       0.00
///
/// February fiscal year (quarters Feb-Apr = Q1 ... Nov-Jan = Q4, named after the year the fiscal year ends; spine
/// 2026-Q4 .. 2027-Q2):
///   quarter  won_arr     won lost  pt_won_arr  new_pipeline  partner_new   created  sourced     influenced
///   2026-Q4   30,000.00   1   0     30,000.00    70,000.00    50,000.00    2        30,000.00        0.00   (w4 closed 2026-01-31; w2, w5 created)
///   2027-Q1  170,000.00   3   1    150,000.00   182,345.67   182,345.67    5       110,000.00   40,000.00   (w5 closed 2026-02-01, w2, w1; l1)
///   2027-Q2   30,000.00   4   2     22,345.67   102,654.33    65,000.00    5        12,345.67   14,114.81   (w3, w7, w8, w6; l2, l3)
///   Totals equal the calendar year's: won 230,000.00, sourced 152,345.67, influenced 54,114.81.
///   ptn-a reseller: 2026-Q4 sourced 30,000.00 (w4); 2027-Q1 60,000.00 (w1); 2027-Q2 0.00 with 1 deal (w3).
///   Open o1 (close 2026-08-15) and o2 (2026-10-05) land in 2027-Q3.
/// </code>
/// </remarks>
public static class RevenueCreditsDataset
{
    public static readonly DateOnly SnapshotDate = new(2026, 7, 10);

    public static IReadOnlyList<ICrmRecord> Records { get; } = Build();

    /// <summary>The dataset built with a calendar fiscal year.</summary>
    public sealed class CalendarYear : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records);

        public void Dispose() => Warehouse.Dispose();
    }

    /// <summary>The dataset built with a fiscal year starting in February.</summary>
    public sealed class FebruaryYear : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records, fiscalYearStartMonth: 2);

        public void Dispose() => Warehouse.Dispose();
    }

    private static List<ICrmRecord> Build() =>
    [
        Partner("ptn-a", "reseller"),
        Partner("ptn-b", "services"),
        Partner("ptn-c", "tech"),
        Partner("ptn-d", "referral"),
        Account("acc-1", "smb"),
        Account("acc-2", "mid_market"),
        Account("acc-3", "enterprise"),

        Won("w1", "acc-1", "new_business", "reseller", 100_000.00m, Utc(2026, 2, 10), Utc(2026, 4, 1, 0, 0, 0)),
        Credit("w1", "ptn-a", "reseller", "sourced", 60m),
        Credit("w1", "ptn-b", "services", "influenced", 40m),
        Credit("w1", "ptn-c", "tech", "influenced", null),
        Won("w2", "acc-2", "new_business", "referral", 50_000.00m, Utc(2026, 1, 5), Utc(2026, 3, 31, 23, 59, 59)),
        Credit("w2", "ptn-d", "referral", "sourced", 100m),
        Won("w3", "acc-1", "new_business", "reseller", 0.00m, Utc(2026, 4, 20), Utc(2026, 5, 15, 10)),
        Credit("w3", "ptn-a", "reseller", "sourced", 100m),
        Won("w4", "acc-3", "renewal", "reseller", 30_000.00m, Utc(2025, 12, 1), Utc(2026, 1, 31, 12)),
        Credit("w4", "ptn-a", "reseller", "sourced", 100m),
        Won("w5", "acc-2", "new_business", "direct", 20_000.00m, Utc(2026, 1, 10), Utc(2026, 2, 1, 8)),
        Won("w6", "acc-3", "expansion", "direct", 10_000.00m, Utc(2026, 4, 2), Utc(2026, 6, 30, 10)),
        Credit("w6", "ptn-b", "services", "influenced", 100m),
        Won("w7", "acc-2", "new_business", "tech", 12_345.67m, Utc(2026, 4, 5), Utc(2026, 5, 20, 10)),
        Credit("w7", "ptn-c", "tech", "sourced", 100m),
        Credit("w7", "ptn-b", "services", "influenced", 33.33m),
        Credit("w7", "ptn-d", "referral", null, null),
        Won("w8", "acc-3", "new_business", "direct", 7_654.33m, Utc(2026, 5, 5), Utc(2026, 6, 15, 10)),

        Lost("l1", "acc-1", "new_business", "referral", 70_000.00m, Utc(2026, 3, 1), Utc(2026, 4, 15, 10)),
        Credit("l1", "ptn-d", "referral", "sourced", 100m),
        Lost("l2", "acc-2", "new_business", "direct", 0.00m, Utc(2026, 3, 10), Utc(2026, 5, 1, 10)),
        Lost("l3", "acc-3", "new_business", "direct", 15_000.00m, Utc(2026, 5, 2), Utc(2026, 6, 10, 10)),

        Open("o1", "acc-1", "new_business", "reseller", 40_000.00m, Utc(2026, 6, 1), new DateOnly(2026, 8, 15), stageIndex: 2),
        Credit("o1", "ptn-a", "reseller", "sourced", 50m),
        Credit("o1", "ptn-d", "referral", "sourced", 50m),
        Open("o2", "acc-2", "new_business", "services", 25_000.00m, Utc(2026, 6, 20), new DateOnly(2026, 10, 5)),
        Credit("o2", "ptn-b", "services", "sourced", 100m),
        Credit("o2", "ptn-c", "tech", "influenced", 100m),
        Open("o3", "acc-3", "new_business", "direct", 15_000.00m, Utc(2026, 7, 1), new DateOnly(2026, 9, 30)),
    ];
}
