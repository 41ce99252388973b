using Analytics.TestSupport.Datasets;
using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// <see cref="RevenueCreditsDataset"/> landed three times, to read sourced pipeline a week back. Built as of 2026-07-10.
/// </summary>
/// <remarks>
/// <code>
/// snapshot    what differs from RevenueCreditsDataset
/// 2026-07-01  o1's ARR is 30,000.00 (not 40,000.00); o2 and its partner rows do not exist yet
/// 2026-07-05  the dataset as is (only 5 days before the build: not "a week ago")
/// 2026-07-10  the dataset as is (the build's snapshot)
///
/// The week-ago snapshot is the newest at least 7 days older than 2026-07-10: 2026-07-01.
/// Sourced pipeline (credited ARR of sourced rows of open deals):
///   partner  now (07-10)                    week ago (07-01)
///   ptn-a    o1 50 % of 40,000 = 20,000.00  o1 50 % of 30,000 = 15,000.00
///   ptn-d    o1 50 %           = 20,000.00                      15,000.00
///   ptn-b    o2 100 % of 25,000 = 25,000.00 0.00 (o2 absent; a week-ago snapshot exists, so 0, not null)
///   ptn-c    0.00 (o2 influenced only)      0.00
///   manager pat.manager@vendor.example (all four, active): 65,000.00 now, 30,000.00 a week ago.
/// Open deals now: ptn-a 1 (o1, ARR 40,000.00, credited 20,000.00); ptn-c 1 (o2, ARR 25,000.00, credited 25,000.00).
/// intermediate.credited_arr_by_snapshot holds all three snapshots: 13 partner rows at 07-01 (15 less o2's 2), 15 at
/// each of the others; w7's ptn-b row credits 33.33 % of 12,345.67 = 4,114.811811 -> 4,114.81 at every snapshot.
/// </code>
/// </remarks>
public static class PartnerPipelineDataset
{
    public static readonly DateOnly WeekAgo = new(2026, 7, 1);

    /// <summary>The three snapshots built as of the last.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(
        [
            (WeekAgo, FirstSnapshot()),
            (new DateOnly(2026, 7, 5), RevenueCreditsDataset.Records),
            (RevenueCreditsDataset.SnapshotDate, RevenueCreditsDataset.Records),
        ]);

        public void Dispose() => Warehouse.Dispose();
    }

    private static IEnumerable<ICrmRecord> FirstSnapshot() => RevenueCreditsDataset.Records
        .Where(r => r is not Opportunity { OpportunityId: "o2" } && r is not OpportunityPartner { OpportunityId: "o2" })
        .Select(r => r is Opportunity { OpportunityId: "o1" } o ? o with { Arr = 30_000.00m } : r);
}
