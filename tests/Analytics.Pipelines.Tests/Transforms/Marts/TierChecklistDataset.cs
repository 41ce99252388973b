using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms.Marts;

/// <summary>
/// The tier review's boundaries for tier_checklist and tier_reviews, under the dataset's own criteria
/// (<see cref="Tiers"/>, so calibrating pipeline.yaml never moves these answers). Snapshot 2026-10-07: 2026-Q4 is the
/// current quarter (cut-off 2026-10-08 00:00); fiscal year = calendar year. No partner has CSAT responses except
/// ptn-d and ptn-e, so avg_csat is unknown (not judged) for the others; hygiene is known only in 2026-Q4 and only for
/// ptn-a (its one open deal is clean: 1.0).
/// </summary>
/// <remarks>
/// <code>
/// Criteria (grace margin 0.10, strictly less than 10 % short):
///   registered (0): certified_people >= 1
///   select (1):     rolling_4q_credited_arr >= 100,000; avg_csat >= 4.0; certified_people >= 2; recent_proofs >= 1; hygiene_score >= 0.5
///   elite (2):      rolling_4q_credited_arr >= 300,000; avg_csat >= 4.5; certified_people >= 4; recent_proofs >= 2
///
/// Every credit is one deal, 100 % sourced. Rolling ARR holds from the deal's quarter on (no window drops one here).
///
/// ptn-a select reseller, joined 2026-07-01 (Q3, Q4). ARR 100,000 (2026-08-10); 2 certified; 1 case study.
///   select: ARR 100,000 = threshold: met, progress 100, gap 0; csat unknown; certified 2 met; proofs 1 met;
///   hygiene unknown in Q3, 1.0 in Q4 (met) -> judged 3 / met 3 in Q3, 4 / 4 in Q4: hold, hold.
///   elite (next): ARR 100,000 / 300,000 = 33.33 %, gap 200,000; csat unknown; certified 2 / 4 = 50 %, gap 2;
///   proofs 1 / 2 = 50 %, gap 1 -> judged 3, met 0; nearest gap: the 50 % tie goes to certified_people by name:
///   "needs 2 more certified people".
/// ptn-b select reseller, joined 2026-04-01 (Q2..Q4). ARR 90,100 (2026-05-15); 2 certified; 1 case study.
///   ARR short (100,000 - 90,100) / 100,000 = 9.9 % &lt; 10 %: a narrow miss every quarter, the only miss.
///   Q2 grace (first narrow miss); Q3 downgrade (narrow miss the quarter before); Q4 downgrade (still).
/// ptn-c select reseller, joined 2026-04-01 (Q2..Q4). ARR 89,900 (2026-05-15) + 5,100 (2026-08-15); 2 certified; 1 case study.
///   Q2: 89,900 is 10.1 % short -> downgrade. Q3: 95,000 is 5 % short, the quarter before was not a narrow miss -> grace.
///   Q4: 95,000 again, narrow miss the quarter before -> downgrade. recommended tier on downgrade: registered.
/// ptn-d select reseller, joined 2026-07-01 (Q3, Q4). ARR 95,000 (2026-08-15); CSAT 4, 4, 4, 4, 3 = 19 / 5 = 3.8;
///   2 certified; 1 case study. ARR 5 % short and CSAT (4.0 - 3.8) / 4.0 = 5 % short: both within the margin, but
///   two misses -> downgrade, downgrade.
/// ptn-e elite tech, joined 2026-07-01. ARR 300,000 (2026-08-20); CSAT 4, 5 = 4.5; 4 certified; proofs case_study,
///   validated_integration (count for tech), marketplace_review and sow (do not) -> recent_proofs 2 (tier_inputs: 4).
///   Every criterion exactly at its threshold: hold, hold. Top tier: no next rows, next_tier null.
/// ptn-f registered referral, joined 2026-07-01. ARR 40,000 (2026-08-15); nobody certified; no proofs.
///   registered: certified 0 &lt; 1 (100 % short), but the entry tier is never downgraded: hold, hold.
///   select (next): ARR 40 % (gap 60,000), csat unknown, certified 0 %, proofs 0 %, hygiene unknown -> judged 3, met 0;
///   nearest gap: ARR, "needs $60,000 more credited ARR in the four quarters".
/// ptn-g registered services, joined 2026-07-01. ARR 150,000 (2026-08-15); 2 certified; one SOW (counts for services).
///   select (next): ARR, certified, proofs met; csat and hygiene unknown -> judged 3, met 3: upgrade to select, twice.
/// ptn-h select reseller, offboarded 2026-09-01: reviewed nowhere.
///
/// Checklist rows: ptn-a 2 x (5 + 4), ptn-b 3 x 9, ptn-c 3 x 9, ptn-d 2 x 9, ptn-e 2 x 4, ptn-f 2 x (1 + 5),
/// ptn-g 2 x (1 + 5) = 18 + 27 + 27 + 18 + 8 + 12 + 12 = 122. Reviews: 2 + 3 + 3 + 2 + 2 + 2 + 2 = 16.
/// </code>
/// </remarks>
public static class TierChecklistDataset
{
    public static DateOnly SnapshotDate { get; } = Day(2026, 10, 7);

    /// <summary>The dataset's criteria.</summary>
    public static TiersConfig Tiers { get; } = new(0.10,
    [
        new TierLevel("registered", 0, [new TierCriterion("certified_people", 1)]),
        new TierLevel("select", 1,
        [
            new TierCriterion("rolling_4q_credited_arr", 100_000),
            new TierCriterion("avg_csat", 4.0),
            new TierCriterion("certified_people", 2),
            new TierCriterion("recent_proofs", 1),
            new TierCriterion("hygiene_score", 0.5),
        ]),
        new TierLevel("elite", 2,
        [
            new TierCriterion("rolling_4q_credited_arr", 300_000),
            new TierCriterion("avg_csat", 4.5),
            new TierCriterion("certified_people", 4),
            new TierCriterion("recent_proofs", 2),
        ]),
    ]);

    /// <summary>The dataset's warehouse, built once per test class.</summary>
    public sealed class Fixture : IDisposable
    {
        public TestWarehouse Warehouse { get; } = TestWarehouse.Build(SnapshotDate, Records(), tiers: Tiers);

        public void Dispose() => Warehouse.Dispose();
    }

    public static IReadOnlyList<ICrmRecord> Records()
    {
        var fresh = At(2026, 10, 6, 10);
        var july = At(2026, 7, 1);
        var april = At(2026, 4, 1);
        var records = new List<ICrmRecord>
        {
            Partner("ptn-a", "reseller", ManagerA, july, "select"),
            Partner("ptn-b", "reseller", ManagerA, april, "select"),
            Partner("ptn-c", "reseller", ManagerA, april, "select"),
            Partner("ptn-d", "reseller", ManagerA, july, "select"),
            Partner("ptn-e", "tech", ManagerB, july, "elite"),
            Partner("ptn-f", "referral", ManagerB, july),
            Partner("ptn-g", "services", ManagerB, july),
            new Partner("ptn-h", "Partner ptn-h", "reseller", "select", "emea", "software", ManagerB, april, "offboarded", At(2026, 9, 1)),
            Account("acc-01", "alpha.com", "smb"),

            Open("opp-a2", "acc-01", "reseller", At(2026, 9, 1), fresh, fresh, type: "renewal"),
            PartnerRow("opp-a2", "ptn-a", "reseller"),

            new CsatResponse("csat-d1", "ptn-d", "acc-01", 4, At(2026, 8, 20)),
            new CsatResponse("csat-d2", "ptn-d", "acc-01", 4, At(2026, 8, 21)),
            new CsatResponse("csat-d3", "ptn-d", "acc-01", 4, At(2026, 8, 22)),
            new CsatResponse("csat-d4", "ptn-d", "acc-01", 4, At(2026, 8, 23)),
            new CsatResponse("csat-d5", "ptn-d", "acc-01", 3, At(2026, 8, 24)),
            new CsatResponse("csat-e1", "ptn-e", "acc-01", 4, At(2026, 9, 1)),
            new CsatResponse("csat-e2", "ptn-e", "acc-01", 5, At(2026, 9, 2)),

            new PartnerProof("prf-a1", "ptn-a", "case_study", At(2026, 7, 20)),
            new PartnerProof("prf-b1", "ptn-b", "case_study", At(2026, 4, 20)),
            new PartnerProof("prf-c1", "ptn-c", "case_study", At(2026, 4, 20)),
            new PartnerProof("prf-d1", "ptn-d", "case_study", At(2026, 7, 20)),
            new PartnerProof("prf-e1", "ptn-e", "case_study", At(2026, 7, 10)),
            new PartnerProof("prf-e2", "ptn-e", "validated_integration", At(2026, 8, 1)),
            new PartnerProof("prf-e3", "ptn-e", "marketplace_review", At(2026, 8, 5)),
            new PartnerProof("prf-e4", "ptn-e", "sow", At(2026, 8, 6)),
            new PartnerProof("prf-g1", "ptn-g", "sow", At(2026, 8, 1)),
        };

        records.AddRange(Win("opp-a1", "ptn-a", "reseller", At(2026, 8, 10, 12), 100_000m));
        records.AddRange(Win("opp-b1", "ptn-b", "reseller", At(2026, 5, 15, 12), 90_100m));
        records.AddRange(Win("opp-c1", "ptn-c", "reseller", At(2026, 5, 15, 12), 89_900m));
        records.AddRange(Win("opp-c2", "ptn-c", "reseller", At(2026, 8, 15, 12), 5_100m));
        records.AddRange(Win("opp-d1", "ptn-d", "reseller", At(2026, 8, 15, 12), 95_000m));
        records.AddRange(Win("opp-e1", "ptn-e", "tech", At(2026, 8, 20, 12), 300_000m));
        records.AddRange(Win("opp-f1", "ptn-f", "referral", At(2026, 8, 15, 12), 40_000m));
        records.AddRange(Win("opp-g1", "ptn-g", "services", At(2026, 8, 15, 12), 150_000m));
        records.AddRange(Win("opp-h1", "ptn-h", "reseller", At(2026, 5, 15, 12), 500_000m));

        records.AddRange(Certified("ptn-a", 2, At(2026, 7, 5)));
        records.AddRange(Certified("ptn-b", 2, At(2026, 4, 5)));
        records.AddRange(Certified("ptn-c", 2, At(2026, 4, 5)));
        records.AddRange(Certified("ptn-d", 2, At(2026, 7, 5)));
        records.AddRange(Certified("ptn-e", 4, At(2026, 7, 5)));
        records.AddRange(Certified("ptn-g", 2, At(2026, 7, 5)));
        return records;
    }

    /// <summary>A won deal on its own account, credited 100 % sourced to <paramref name="partnerId"/>.</summary>
    private static IEnumerable<ICrmRecord> Win(string id, string partnerId, string motion, DateTime closedAt, decimal arr) =>
    [
        Won(id, "acc-01", motion, closedAt.AddDays(-30), closedAt, arr),
        PartnerRow(id, partnerId, motion),
    ];

    /// <summary><paramref name="people"/> people with an unexpiring certification earned at <paramref name="earnedAt"/>.</summary>
    private static IEnumerable<ICrmRecord> Certified(string partnerId, int people, DateTime earnedAt) =>
        Enumerable.Range(1, people).Select(i => (ICrmRecord)new Certification(
            $"cert-{partnerId}-{i}", partnerId, $"person{i}@{partnerId}.example", "sales", earnedAt, null));
}
