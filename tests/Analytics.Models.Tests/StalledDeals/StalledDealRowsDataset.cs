using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.OpsDataset;

namespace Analytics.Models.Tests.StalledDeals;

/// <summary>
/// Two snapshots of a small partner program for the stalled-deal rows: S1 = 2026-03-04 (cut-off 2026-03-05 00:00) and
/// S2 = 2026-04-08, the first snapshot at least 30 days after S1, which the labels of S1 are read from.
/// </summary>
/// <remarks>
/// <code>
/// Partners: ptn-01 reseller, select; ptn-02 referral, registered.
/// Certifications of ptn-01: a@ (valid 2025-06-01..2027-06-01) twice, b@ (expired 2026-01-01) -> 1 certified person. ptn-02: none.
/// Closed new business at S1: opp-W reseller won (ptn-01), opp-L reseller lost (ptn-01) -> ptn-01 1 won of 2;
///   program win rate = 1 / 2 = 0.5 (ptn-02 has no closed deals).
/// Completed stage intervals at S1 (days): stage 1: opp-W 31 (10-01 -> 11-01), opp-L 31, opp-A 29 (01-05 -> 02-03);
///   stage 2: opp-W 10 (11-01 -> 11-11), opp-L 20 (11-01 -> 11-21); stage 3: opp-W 34 (11-11 -> 12-15).
///   reseller medians: stage 1 median(31, 31, 29) = 31, stage 2 (10 + 20) / 2 = 15. Referral has none; any motion's stage 1 = 31.
///
/// Open partner deals at S1 (ages to the cut-off 2026-03-05 00:00)
/// opp  motion    stage  entered     ratio        last activity      next step          act. 14d          partner      reg.      label (S2)
/// A    reseller  2      02-03 -> 30  30/15 = 2    02-19 -> 14         02-23 -> 10         1 (02-19 00:00)   ptn-01 (+02)  dr-A 03-20: 16 days  stage 3 on 03-20: advanced -> false
/// B    referral  1      02-25 -> 8   8/31         none -> created 8   none -> 8           0                ptn-02        none      stage 2 on 04-04 00:00 = cut-off + 30 d: outside -> true
/// D    reseller  1      02-01 -> 32  32/31        02-01 -> 32         02-01 -> 32         0                none          none      closed lost 03-10 -> true
/// E    referral  1      02-01 -> 32  32/31        02-20 -> 13         02-20 -> 13         1 (02-20)         ptn-02        none      gone from S2 -> null
/// C    direct, no partner row: not in the population.
/// </code>
/// </remarks>
internal static class StalledDealRowsDataset
{
    public static DateOnly S1 { get; } = Day(2026, 3, 4);

    public static DateOnly S2 { get; } = Day(2026, 4, 8);

    public static IReadOnlyList<ICrmRecord> Snapshot1() =>
    [
        .. Common(),
        Open("opp-A", "acc-01", "reseller", At(2026, 1, 5), At(2026, 2, 23), At(2026, 2, 19), stageIndex: 2, arr: 20_000m, dealRegistrationId: "dr-A"),
        new StageHistoryEntry("opp-A", MotionStages.StageAt("reseller", 1), 1, At(2026, 1, 5)),
        new StageHistoryEntry("opp-A", MotionStages.StageAt("reseller", 2), 2, At(2026, 2, 3)),
        Open("opp-B", "acc-02", "referral", At(2026, 2, 25), null, null, stageIndex: 1),
        new StageHistoryEntry("opp-B", MotionStages.StageAt("referral", 1), 1, At(2026, 2, 25)),
        Open("opp-D", "acc-03", "reseller", At(2026, 2, 1), null, null, stageIndex: 1),
        new StageHistoryEntry("opp-D", MotionStages.StageAt("reseller", 1), 1, At(2026, 2, 1)),
        Open("opp-E", "acc-04", "referral", At(2026, 2, 1), At(2026, 2, 20), At(2026, 2, 20), stageIndex: 1),
        PartnerRow("opp-E", "ptn-02", "referral"),
        new StageHistoryEntry("opp-E", MotionStages.StageAt("referral", 1), 1, At(2026, 2, 1)),
        new Activity("act-E-1", "opp-E", "ptn-02", "call", At(2026, 2, 20)),
    ];

    public static IReadOnlyList<ICrmRecord> Snapshot2() =>
    [
        .. Common(),
        Open("opp-A", "acc-01", "reseller", At(2026, 1, 5), At(2026, 3, 20), At(2026, 3, 20), stageIndex: 3, arr: 20_000m, dealRegistrationId: "dr-A"),
        new StageHistoryEntry("opp-A", MotionStages.StageAt("reseller", 1), 1, At(2026, 1, 5)),
        new StageHistoryEntry("opp-A", MotionStages.StageAt("reseller", 2), 2, At(2026, 2, 3)),
        new StageHistoryEntry("opp-A", MotionStages.StageAt("reseller", 3), 3, At(2026, 3, 20)),
        Open("opp-B", "acc-02", "referral", At(2026, 2, 25), At(2026, 4, 4), At(2026, 4, 4), stageIndex: 2),
        new StageHistoryEntry("opp-B", MotionStages.StageAt("referral", 1), 1, At(2026, 2, 25)),
        new StageHistoryEntry("opp-B", MotionStages.StageAt("referral", 2), 2, At(2026, 4, 4)),
        Lost("opp-D", "acc-03", "reseller", At(2026, 2, 1), At(2026, 3, 10), 10_000m),
        new StageHistoryEntry("opp-D", MotionStages.StageAt("reseller", 1), 1, At(2026, 2, 1)),
        new StageHistoryEntry("opp-D", MotionStages.ClosedLost, MotionStages.ClosedLostIndex, At(2026, 3, 10)),
    ];

    private static IEnumerable<ICrmRecord> Common() =>
    [
        Partner("ptn-01", "reseller", ManagerA, tier: "select"),
        Partner("ptn-02", "referral", ManagerB),
        Account("acc-01", "alpha.com", "smb"),
        Account("acc-02", "beta.com", "smb"),
        Account("acc-03", "gamma.com", "smb"),
        Account("acc-04", "delta.com", "smb"),
        Account("acc-05", "epsilon.com", "smb"),
        Account("acc-06", "zeta.com", "smb"),
        new Certification("cert-1", "ptn-01", "a@ptn01.example", "sales", At(2025, 6, 1), At(2027, 6, 1)),
        new Certification("cert-2", "ptn-01", "a@ptn01.example", "technical", At(2025, 7, 1), At(2027, 7, 1)),
        new Certification("cert-3", "ptn-01", "b@ptn01.example", "sales", At(2024, 1, 1), At(2026, 1, 1)),
        Registration("dr-A", "ptn-01", "acc-01", At(2026, 1, 2), At(2026, 1, 3), "converted", null, Day(2026, 1, 3), Day(2026, 3, 20), "opp-A"),
        PartnerRow("opp-A", "ptn-01", "reseller", "sourced", 70m, At(2026, 1, 5)),
        PartnerRow("opp-A", "ptn-02", "referral", "influenced", 30m, At(2026, 1, 6)),
        PartnerRow("opp-B", "ptn-02", "referral", "sourced", 100m, At(2026, 2, 25)),
        new Activity("act-A-1", "opp-A", "ptn-01", "call", At(2026, 2, 10)),
        new Activity("act-A-2", "opp-A", "ptn-01", "meeting", At(2026, 2, 19)),
        Open("opp-C", "acc-05", "direct", At(2026, 2, 1), At(2026, 3, 1), At(2026, 3, 1)),
        new StageHistoryEntry("opp-C", MotionStages.StageAt("direct", 1), 1, At(2026, 2, 1)),
        Won("opp-W", "acc-06", "reseller", At(2025, 10, 1), At(2025, 12, 15), 15_000m),
        PartnerRow("opp-W", "ptn-01", "reseller", "sourced", 100m, At(2025, 10, 1)),
        new StageHistoryEntry("opp-W", MotionStages.StageAt("reseller", 1), 1, At(2025, 10, 1)),
        new StageHistoryEntry("opp-W", MotionStages.StageAt("reseller", 2), 2, At(2025, 11, 1)),
        new StageHistoryEntry("opp-W", MotionStages.StageAt("reseller", 3), 3, At(2025, 11, 11)),
        new StageHistoryEntry("opp-W", MotionStages.ClosedWon, MotionStages.ClosedWonIndex, At(2025, 12, 15)),
        Lost("opp-L", "acc-06", "reseller", At(2025, 10, 1), At(2025, 11, 21), 9_000m),
        PartnerRow("opp-L", "ptn-01", "reseller", "sourced", 100m, At(2025, 10, 1)),
        new StageHistoryEntry("opp-L", MotionStages.StageAt("reseller", 1), 1, At(2025, 10, 1)),
        new StageHistoryEntry("opp-L", MotionStages.StageAt("reseller", 2), 2, At(2025, 11, 1)),
        new StageHistoryEntry("opp-L", MotionStages.ClosedLost, MotionStages.ClosedLostIndex, At(2025, 11, 21)),
    ];
}
