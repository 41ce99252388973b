using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Models.Tests.Tiers;

/// <summary>
/// Three partners over eight quarters (2025-Q1..2026-Q4) and two snapshots, for the tier-readiness rows, under the
/// dataset's own criteria (<see cref="Tiers"/>). Fiscal year = calendar year.
/// </summary>
/// <remarks>
/// <code>
/// Criteria: registered none; select ARR >= 100,000, certified >= 2; elite ARR >= 300,000, certified >= 3, CSAT >= 4.0.
/// The CRM's first opportunity is created 2025-01-10 (2025-Q1), so a quarter has full history from 2025-Q4 on
/// (its window 2025-Q1..Q4). Training rows: Q in 2025-Q4..2026-Q2 (Q + 1 closed by 2026-10-07): 3 per partner.
///
/// p1 registered reseller (target select), 2 certified from 2025-01-10, no CSAT (select does not ask it).
///   wins 2025-03-01 50,000; 2026-02-15 60,000; 2026-05-10 45,000; 2026-08-20 10,000 (in the second snapshot only).
///   rolling ARR: 2025-Q1..Q4 50,000; 2026-Q1 60,000 (2025-Q1 drops out); 2026-Q2 105,000; 2026-Q3 115,000.
///   Q        arr_progress  change          met  outcome at Q + 1
///   2025-Q4  0.5           0.5 - 0.5 = 0   1    2026-Q1 60,000 &lt; 100,000: not met
///   2026-Q1  0.6           +0.1            1    2026-Q2 105,000 and 2 people: met
///   2026-Q2  1.05          +0.45           2    2026-Q3 met (null as of the first snapshot: 2026-Q3 is current)
/// p2 elite tech (target: keeping elite), 3 certified from 2025-01-10, CSAT 3 on 2025-03-10 (avg 3.0 in 2025-Q1..Q4,
///   unknown from 2026-Q1). wins 2025-02-01 400,000; 2026-01-20 200,000. rolling ARR 400,000 to 2025-Q4, then 200,000.
///   2025-Q4  1.3333 (400/300)  0          2 (ARR, people; CSAT 3.0 / 4.0 = 0.75 unmet)   2026-Q1 200,000: not met
///   2026-Q1  0.6667            -0.6667    1 (CSAT unknown: progress 1, csat_unknown 1)   not met
///   2026-Q2  0.6667            0          1                                             not met
/// p3 select services (target elite), 3 certified from 2025-01-10, no CSAT (unknown: not judged).
///   win 2025-06-01 350,000: rolling 350,000 in 2025-Q2..2026-Q1, 0 from 2026-Q2.
///   2025-Q4  1.1667 (350/300)  0          2                                             2026-Q1 350,000, 3 people: met
///   2026-Q1  1.1667            0          2                                             2026-Q2 0: not met
///   2026-Q2  0                 -1.1667    1                                             not met
/// Training: 9 outcomes, 3 met. Latest transition 2026-Q2 -> 2026-Q3: p1 met, p2 and p3 not.
/// </code>
/// </remarks>
public static class TierReadinessDataset
{
    public static DateOnly FirstSnapshot { get; } = new(2026, 7, 15);

    public static DateOnly SecondSnapshot { get; } = new(2026, 10, 7);

    /// <summary>The dataset's criteria.</summary>
    public static TiersConfig Tiers { get; } = new(0.10,
    [
        new TierLevel("registered", 0, []),
        new TierLevel("select", 1, [new TierCriterion("rolling_4q_credited_arr", 100_000), new TierCriterion("certified_people", 2)]),
        new TierLevel("elite", 2,
        [
            new TierCriterion("rolling_4q_credited_arr", 300_000),
            new TierCriterion("certified_people", 3),
            new TierCriterion("avg_csat", 4.0),
        ]),
    ]);

    /// <summary>The records of the snapshot of <paramref name="date"/>: the second holds p1's 2026-08-20 win too.</summary>
    public static IReadOnlyList<ICrmRecord> Records(DateOnly date)
    {
        var records = new List<ICrmRecord>
        {
            Partner("p1", "reseller", "registered"),
            Partner("p2", "tech", "elite"),
            Partner("p3", "services", "select"),
            new Account("acc-1", "Account 1", "one.example", "emea", "smb", "sam@vendor.example", null),
            new CsatResponse("csat-1", "p2", "acc-1", 3, At(2025, 3, 10)),
        };
        records.AddRange(Win("o-p1-1", "p1", "reseller", At(2025, 3, 1), 50_000m));
        records.AddRange(Win("o-p1-2", "p1", "reseller", At(2026, 2, 15), 60_000m));
        records.AddRange(Win("o-p1-3", "p1", "reseller", At(2026, 5, 10), 45_000m));
        records.AddRange(Win("o-p2-1", "p2", "tech", At(2025, 2, 1), 400_000m, createdAt: At(2025, 1, 10)));
        records.AddRange(Win("o-p2-2", "p2", "tech", At(2026, 1, 20), 200_000m));
        records.AddRange(Win("o-p3-1", "p3", "services", At(2025, 6, 1), 350_000m));
        if (date >= SecondSnapshot)
        {
            records.AddRange(Win("o-p1-4", "p1", "reseller", At(2026, 8, 20), 10_000m));
        }

        records.AddRange(Certified("p1", 2));
        records.AddRange(Certified("p2", 3));
        records.AddRange(Certified("p3", 3));
        return records;
    }

    private static DateTime At(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    private static Partner Partner(string id, string type, string tier) =>
        new(id, $"Partner {id}", type, tier, "emea", "software", "pm@vendor.example", At(2025, 1, 6), "active", null);

    /// <summary>A won new-business deal credited 100 % sourced to <paramref name="partnerId"/>, created 20 days before it closed.</summary>
    private static IEnumerable<ICrmRecord> Win(string id, string partnerId, string motion, DateTime closedAt, decimal arr, DateTime? createdAt = null) =>
    [
        new Opportunity(id, "acc-1", $"Deal {id}", "new_business", motion, MotionStages.ClosedWon, MotionStages.ClosedWonIndex, true, true, arr,
            createdAt ?? closedAt.AddDays(-20), DateOnly.FromDateTime(closedAt), closedAt, "sam@vendor.example", null, closedAt, closedAt, null, "none", null),
        new OpportunityPartner(id, partnerId, motion, "sourced", 100m, closedAt.AddDays(-20)),
    ];

    private static IEnumerable<ICrmRecord> Certified(string partnerId, int people) =>
        Enumerable.Range(1, people).Select(i => (ICrmRecord)new Certification(
            $"cert-{partnerId}-{i}", partnerId, $"person{i}@{partnerId}.example", "sales", At(2025, 1, 10), null));
}
