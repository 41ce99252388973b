using Analytics.Pipelines.Crm;
using static Analytics.TestSupport.Datasets.RevenueRecords;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Models.Tests.Forecasting;

/// <summary>
/// A tiny partner program over four weekly-ish snapshots spanning three fiscal quarters (calendar year), with the
/// forecast computed by hand. Partners ptn-r (reseller) and ptn-f (referral); every partner row is sourced 100 % unless
/// stated. Forecast settings: count weighting, pseudo-count k = 2, 14-day buckets, new-pipeline allowance over 4 quarters.
/// </summary>
/// <remarks>
/// <code>
/// snapshots  S0 2025-11-16 (2025-Q4, 45 days left: Nov 17-30 = 14, Dec 31)   maturity S1 (first snapshot on/after 2025-12-31, before 2026-04-01)
///            S1 2026-02-14 (2026-Q1, 45 days left: Feb 15-28 = 14, Mar 31)   maturity S2
///            S2 2026-04-04 (2026-Q2, 87 days left)                            no maturity (Q2 not over)
///            S3 2026-05-16 (2026-Q2, 45 days left: May 17-31 = 15, Jun 30)   the current snapshot, day-offset 45 (May 16 - Apr 1)
/// every snapshot is in time-left bucket 3 (42-55 days) except S2 (bucket 6).
///
/// deal motion    arr     created     stages (index from date)             outcome
/// d0   reseller   4,000  2025-10-02  1                                     won  2025-10-10
/// a1   reseller  10,000  2025-10-05  1                                     won  2025-12-10
/// a2   reseller  20,000  2025-10-01  2                                     won  2026-01-20
/// a3   referral   5,000  2025-10-20  1                                     lost 2025-12-01
/// d1   referral   3,000  2025-11-20  1                                     won  2025-12-15 (created after S0)
/// b1   reseller   8,000  2026-01-05  1                                     won  2026-03-20
/// b2   reseller  12,000  2026-01-10  2, 3 from 2026-03-01                  open
/// b3   referral   6,000  2026-01-15  2                                     won  2026-03-05
/// b4   referral   4,000  2026-01-20  1; rows: ptn-f sourced 50, ptn-r sourced null pct (credits nothing)   lost 2026-03-10
/// e1   reseller   2,500  2026-02-20  1                                     won  2026-03-25 (created after S1)
/// c3   referral   7,000  2026-04-01  1                                     won  2026-04-20
/// c1   reseller  30,000  2026-04-02  1                                     open
/// c2   referral  10,000  2026-04-10  2                                     open
/// x1   direct    50,000  2026-01-03  1 (no partner)                        won 2026-02-01  - not sourced
/// x2   reseller  40,000  2026-01-04  1, ptn-r influenced 100               open            - not sourced
///
/// Observations (open sourced deals at a matured snapshot; won = won by the end of that snapshot's quarter, read at its maturity):
///   S0: a1 reseller s1 won (12-10 &lt; 2026-01-01); a2 reseller s2 not (won 01-20, next quarter); a3 referral s1 not (lost)
///   S1: b1 reseller s1 won; b2 reseller s2 not (open at S2); b3 referral s2 won; b4 referral s1 not (sourced ARR 2,000)
///
/// Current model (outcomes known by S3: S0 and S1), count weighting, k = 2, shrunk = (n × observed + 2 × parent) / (n + 2):
///   overall 3/7.  reseller n 4, 2 won: (2 + 2 × 3/7) / 6 = 10/21.   referral n 3, 1 won: (1 + 6/7) / 5 = 13/35.
///   reseller s1 n 2 (2 won): stage (2 + 2 × 10/21) / 4 = 31/42; cell (2 + 2 × 31/42) / 4 = 73/84
///   reseller s2 n 2 (0 won): stage (2 × 10/21) / 4 = 5/21;       cell (2 × 5/21) / 4 = 5/42
///   reseller s3 none:        stage = motion 10/21;                cell = 10/21 (empty cell -> pooled rate)
///   referral s1 n 2 (0 won): stage (2 × 13/35) / 4 = 13/70;       cell (2 × 13/70) / 4 = 13/140
///   referral s2 n 1 (1 won): stage (1 + 2 × 13/35) / 3 = 61/105;  cell (1 + 2 × 61/105) / 3 = 227/315
///   New-pipeline allowance (quarters 2025-Q4 and 2026-Q1, bucket 3): new = quarter won at maturity - won to date - realized open
///     S0: reseller 14,000 (d0 + a1) - 4,000 (d0) - 10,000 (a1) = 0;  referral 3,000 (d1) - 0 - 0 = 3,000
///     S1: reseller 30,500 (a2 + b1 + e1) - 20,000 (a2) - 8,000 (b1) = 2,500;  referral 6,000 (b3) - 0 - 6,000 = 0
///     exposure = 45 × 35,000 (S0 open: a1 + a2 + a3) + 45 × 28,000 (S1 open: b1 + b2 + b3 + b4 2,000) = 2,835,000
///     rate reseller 2,500 / 2,835,000; referral 3,000 / 2,835,000
///
/// Forecast 2026-Q2 at S3 (45 days left; open b2 reseller s3 12,000, c1 reseller s1 30,000, c2 referral s2 10,000 = 52,000;
/// won to date c3 referral 7,000); allowance factor 45 × 52,000 / 2,835,000 = 52/63:
///   reseller = 0 + 12,000 × 10/21 + 30,000 × 73/84 + 2,500 × 52/63 = 120,000/21 + 2,190,000/84 + 130,000/63 = 8,530,000/252 = 33,849.2063...
///   referral = 7,000 + 10,000 × 227/315 + 3,000 × 52/63 = 7,000 + 7,206.3492... + 2,476.1904... = 16,682.5396...
///   all      = 50,531.7460...;  naive = 2026-Q1 actual 36,500
///
/// Back-test (2 quarters; offset 45):
///   2026-Q1 at S1 (latest snapshot on or before 2026-01-01 + 45 = 02-15); rates only from S0 (S1's outcome is read at S2 &gt; S1):
///     overall 1/3; reseller n 2, 1 won: (1 + 2/3) / 4 = 5/12; referral n 1, 0 won: (2/3) / 3 = 2/9
///     reseller s1 (1/1): stage (1 + 2 × 5/12) / 3 = 11/18, cell (1 + 2 × 11/18) / 3 = 20/27
///     reseller s2 (0/1): stage (2 × 5/12) / 3 = 5/18, cell (2 × 5/18) / 3 = 5/27
///     referral s1 (0/1): stage (2 × 2/9) / 3 = 4/27, cell (2 × 4/27) / 3 = 8/81;  referral s2 none: 2/9
///     allowance from 2025-Q4 only: referral 3,000 / (45 × 35,000) × 45 × 28,000 = 2,400; reseller 0
///     reseller = 20,000 (a2) + 8,000 × 20/27 + 12,000 × 5/27 = 20,000 + 220,000/27 = 28,148.1481...
///     referral = 0 + 6,000 × 2/9 + 2,000 × 8/81 + 2,400 = 1,333.33... + 197.5308... + 2,400 = 3,930.8641...
///     all = 32,079.0123...; actual (marts) 30,500 + 6,000 = 36,500; |error| = 4,420.9877 / 36,500 = 12.1123 %
///     naive = 2025-Q4 actual 17,000 (d0 4,000 + a1 10,000 + d1 3,000): 19,500 / 36,500 = 53.4247 %
///   2025-Q4 at S0 (no snapshot by 10-01 + 45 = 11-15: the quarter's earliest); nothing had matured: rates 0, forecast = won to
///     date 4,000 (d0); actual 17,000; naive (2025-Q3) 0; excluded from the MAPE.
///   MAPE (2026-Q1 only) 12.1123 %, naive 53.4247 %.
/// </code>
/// </remarks>
public static class ForecastDataset
{
    public static readonly DateOnly S0 = new(2025, 11, 16);
    public static readonly DateOnly S1 = new(2026, 2, 14);
    public static readonly DateOnly S2 = new(2026, 4, 4);
    public static readonly DateOnly S3 = new(2026, 5, 16);

    /// <summary>The settings the hand computation uses.</summary>
    public static readonly Analytics.Models.Forecasting.ForecastSettings Settings = new(PseudoCount: 2);

    /// <summary>Two back-tested quarters.</summary>
    public const string ConfigYaml = "models:\n  forecast:\n    backtest_quarters: 2\n";

    private static readonly DateTime Joined = Utc(2025, 1, 6);

    private static readonly Life[] Lives =
    [
        new("d0", "reseller", 4_000m, Utc(2025, 10, 2), [(Utc(2025, 10, 2), 1)], Utc(2025, 10, 10), true, [("ptn-r", "reseller", "sourced", 100m)]),
        new("a1", "reseller", 10_000m, Utc(2025, 10, 5), [(Utc(2025, 10, 5), 1)], Utc(2025, 12, 10), true, [("ptn-r", "reseller", "sourced", 100m)]),
        new("a2", "reseller", 20_000m, Utc(2025, 10, 1), [(Utc(2025, 10, 1), 2)], Utc(2026, 1, 20), true, [("ptn-r", "reseller", "sourced", 100m)]),
        new("a3", "referral", 5_000m, Utc(2025, 10, 20), [(Utc(2025, 10, 20), 1)], Utc(2025, 12, 1), false, [("ptn-f", "referral", "sourced", 100m)]),
        new("d1", "referral", 3_000m, Utc(2025, 11, 20), [(Utc(2025, 11, 20), 1)], Utc(2025, 12, 15), true, [("ptn-f", "referral", "sourced", 100m)]),
        new("b1", "reseller", 8_000m, Utc(2026, 1, 5), [(Utc(2026, 1, 5), 1)], Utc(2026, 3, 20), true, [("ptn-r", "reseller", "sourced", 100m)]),
        new("b2", "reseller", 12_000m, Utc(2026, 1, 10), [(Utc(2026, 1, 10), 2), (Utc(2026, 3, 1), 3)], null, false, [("ptn-r", "reseller", "sourced", 100m)]),
        new("b3", "referral", 6_000m, Utc(2026, 1, 15), [(Utc(2026, 1, 15), 2)], Utc(2026, 3, 5), true, [("ptn-f", "referral", "sourced", 100m)]),
        new("b4", "referral", 4_000m, Utc(2026, 1, 20), [(Utc(2026, 1, 20), 1)], Utc(2026, 3, 10), false,
            [("ptn-f", "referral", "sourced", 50m), ("ptn-r", "reseller", "sourced", null)]),
        new("e1", "reseller", 2_500m, Utc(2026, 2, 20), [(Utc(2026, 2, 20), 1)], Utc(2026, 3, 25), true, [("ptn-r", "reseller", "sourced", 100m)]),
        new("c3", "referral", 7_000m, Utc(2026, 4, 1), [(Utc(2026, 4, 1), 1)], Utc(2026, 4, 20), true, [("ptn-f", "referral", "sourced", 100m)]),
        new("c1", "reseller", 30_000m, Utc(2026, 4, 2), [(Utc(2026, 4, 2), 1)], null, false, [("ptn-r", "reseller", "sourced", 100m)]),
        new("c2", "referral", 10_000m, Utc(2026, 4, 10), [(Utc(2026, 4, 10), 2)], null, false, [("ptn-f", "referral", "sourced", 100m)]),
        new("x1", "direct", 50_000m, Utc(2026, 1, 3), [(Utc(2026, 1, 3), 1)], Utc(2026, 2, 1), true, []),
        new("x2", "reseller", 40_000m, Utc(2026, 1, 4), [(Utc(2026, 1, 4), 1)], null, false, [("ptn-r", "reseller", "influenced", 100m)]),
    ];

    /// <summary>Every snapshot landed, built as of S3.</summary>
    public static TestWarehouse BuildAll() => TestWarehouse.Build(new[] { S0, S1, S2, S3 }.Select(d => (d, Snapshot(d))));

    /// <summary>Only the snapshots up to and including <paramref name="last"/>, built as of it.</summary>
    public static TestWarehouse BuildUpTo(DateOnly last) => TestWarehouse.Build(new[] { S0, S1, S2, S3 }.Where(d => d <= last).Select(d => (d, Snapshot(d))));

    /// <summary>The records as extracted at the end of <paramref name="asOf"/>.</summary>
    public static IEnumerable<ICrmRecord> Snapshot(DateOnly asOf)
    {
        var cutoff = asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
        var records = new List<ICrmRecord>
        {
            new Partner("ptn-r", "Partner ptn-r", "reseller", "registered", "emea", "software", "pat.manager@vendor.example", Joined, "active", null),
            new Partner("ptn-f", "Partner ptn-f", "referral", "registered", "emea", "software", "pat.manager@vendor.example", Joined, "active", null),
        };
        foreach (var life in Lives.Where(l => l.CreatedAt < cutoff))
        {
            var account = "acc-" + life.Id;
            records.Add(Account(account, "smb"));
            var isClosed = life.ClosedAt is { } closedAt && closedAt < cutoff;
            var stage = life.Stages.Last(s => s.At < cutoff).Stage;
            records.Add(isClosed
                ? life.Won
                    ? Won(life.Id, account, "new_business", life.Motion, life.Arr, life.CreatedAt, life.ClosedAt!.Value)
                    : Lost(life.Id, account, "new_business", life.Motion, life.Arr, life.CreatedAt, life.ClosedAt!.Value)
                : Open(life.Id, account, "new_business", life.Motion, life.Arr, life.CreatedAt, DateOnly.FromDateTime(life.CreatedAt).AddDays(120), stage));
            records.AddRange(life.Partners.Select(p => new OpportunityPartner(life.Id, p.Partner, p.Role, p.Attribution, p.Pct, life.CreatedAt)));
        }

        return records;
    }

    private sealed record Life(string Id, string Motion, decimal Arr, DateTime CreatedAt, (DateTime At, int Stage)[] Stages, DateTime? ClosedAt, bool Won,
        (string Partner, string Role, string? Attribution, decimal? Pct)[] Partners);
}
