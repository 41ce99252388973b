using Analytics.Reports.Weekly;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>Hand-built scorecards: a realistic week with a nasty partner name, an empty week, and parts to vary.</summary>
internal static class SampleScorecards
{
    public const string Nasty = "O'Brien & <Sons> \"Partners\"";
    public const string Northwind = "Northwind Cloud Consulting";
    public const string Brightforge = "Brightforge Labs";

    public static readonly IsoWeek Week47 = new(2026, 47);
    public static readonly DateOnly Snapshot = new(2026, 11, 22);

    public static ScorecardPartner NastyPartner => new(
        "P-0007", Nasty, "reseller", "silver", "gold", "upgrade", 0.64,
        [
            new CriterionProgress("rolling_4q_credited_arr", "Credited ARR, last 4 quarters", 412_000, 600_000, 412.0 / 600, false, "$412K", "$600K"),
            new CriterionProgress("certified_people", "Certified people", 3, 2, 1, true, "3 people", "2 people"),
            new CriterionProgress("csat", "Customer satisfaction (1-5)", 3.9, 4.2, 3.9 / 4.2, false, "3.9", "4.2"),
        ],
        1_240_000, 1_120_000, 9);

    public static ScorecardPartner NorthwindPartner => new(
        "P-0012", Northwind, "services", "gold", null, "hold", null,
        [
            new CriterionProgress("rolling_4q_credited_arr", "Credited ARR, last 4 quarters", 1_900_000, 1_500_000, 1, true, "$1.9M", "$1.5M"),
            new CriterionProgress("win_rate", "Win rate of sourced deals", null, 0.3, 0, false, "", "30%"),
        ],
        860_000, 910_000, 4);

    public static ScorecardPartner BrightforgePartner => new(
        "P-0031", Brightforge, "referral", "registered", "silver", null, 0.18, [], 95_000, null, 1);

    public static RegistrationItem Registration(string id, ScorecardPartner partner, string company, int day, double ageHours, string status = "pending") =>
        new(id, partner.PartnerId, partner.Name, company, new DateTime(2026, 11, day, 9, 30, 0, DateTimeKind.Utc), status, ageHours, ageHours > 48);

    public static ExpiringProtectionItem Protection(string id, ScorecardPartner partner, string company, int daysLeft) =>
        new(id, partner.PartnerId, partner.Name, company, Snapshot.AddDays(daysLeft), daysLeft);

    /// <summary>A scored deal; ARR at risk as the SQL computes it: ARR x score / 100.</summary>
    public static StalledDealItem Deal(string id, string name, ScorecardPartner partner, int score, double arr, params string[] reasons) =>
        new(id, name, partner.PartnerId, partner.Name, "configure_quote", arr, score, reasons) { ArrAtRisk = arr * score / 100 };

    /// <summary>A changed deal.</summary>
    public static DealChangeItem Changed(string id, string name, string change, ScorecardPartner partner, double arr, DateOnly close, DateOnly? before = null) =>
        new(id, name, change, partner.Name, "qualification", arr, close, before);

    /// <summary>The realistic week's changes against 2026-11-15: 2 new, 1 won, 1 lost, 1 slipped.</summary>
    public static WeeklyChanges RealisticChanges() => new(new DateOnly(2026, 11, 15),
        [new ChangeCount("new", 2, 150_000), new ChangeCount("won", 1, 80_000), new ChangeCount("lost", 1, 45_000), new ChangeCount("slipped", 1, 240_000)],
        [
            Changed("O-21", "Hooli analytics rollout", "new", NorthwindPartner, 90_000, new DateOnly(2027, 3, 31)),
            Changed("O-22", "Initech expansion", "new", BrightforgePartner, 60_000, new DateOnly(2027, 2, 28)),
            Changed("O-23", "Globex renewal", "won", NorthwindPartner, 80_000, new DateOnly(2026, 11, 18)),
            Changed("O-24", "Vandelay pilot", "lost", NastyPartner, 45_000, new DateOnly(2026, 11, 19)),
            Changed("O-1", "Acme & Co <EMEA> platform expansion", "slipped", NastyPartner, 240_000, new DateOnly(2027, 1, 15), new DateOnly(2026, 11, 30)),
        ]);

    /// <summary>Three partners; 3 pending decisions (2 overdue), 2 protections, 3 deals of which 2 score 70+: 7 actions.</summary>
    public static WeeklyScorecard Realistic()
    {
        var nasty = NastyPartner;
        var northwind = NorthwindPartner;
        var brightforge = BrightforgePartner;
        return new WeeklyScorecard(
            "ana.ruiz@vendor.example", Week47, Snapshot, "run-20261122-0600",
            [brightforge, northwind, nasty],
            [
                Registration("R-9001", nasty, "Acme & Co <EMEA>", 16, 30, "approved"),
                Registration("R-9002", northwind, "Globex Corporation", 17, 60, "approved"),
                Registration("R-9003", brightforge, "Initech", 20, 40),
            ],
            [
                Registration("R-8811", nasty, "Umbrella \"Health\" Ltd", 13, 214),
                Registration("R-8840", northwind, "Soylent Foods", 19, 75),
                Registration("R-9003", brightforge, "Initech", 20, 40),
            ],
            [
                Protection("R-7001", northwind, "Hooli", 1),
                Protection("R-7002", nasty, "Vandelay Industries", 6),
            ],
            [
                // Ranked as the reader ranks them, by ARR at risk: $220K, $206.4K, $86.4K (by score it would be O-1, O-2, O-3).
                Deal("O-3", "Initech pilot", brightforge, 55, 400_000, "Close date within 14 days", "No next step", "Single contact"),
                Deal("O-1", "Acme & Co <EMEA> platform expansion", nasty, 86, 240_000, "No activity for 21 days", "Next step is 30 days old", "Close date moved twice"),
                Deal("O-2", "Globex data residency add-on", northwind, 72, 120_000, "Stage unchanged for 45 days", "No meeting in 14 days", "Deal larger than usual for this partner"),
            ],
            1_240_000 + 860_000 + 95_000, null)
        {
            Changes = RealisticChanges(),
        };
    }

    /// <summary>One partner with nothing to do: every list empty, no snapshot a week back.</summary>
    public static WeeklyScorecard Quiet() => new(
        "lee@vendor.example", Week47, Snapshot, "run-20261122-0600",
        [BrightforgePartner], [], [], [], [], 95_000, null);

    /// <summary>A card with exactly the given actions: pending decisions, expiring protections, stalled scores.</summary>
    public static WeeklyScorecard WithActions(int pending, int expiring, params int[] stalledScores)
    {
        var p = NastyPartner;
        return new WeeklyScorecard(
            "ana.ruiz@vendor.example", Week47, Snapshot, "run-1",
            [p],
            [],
            Enumerable.Range(0, pending).Select(i => Registration($"R-{i}", p, $"Company {i}", 18, 10)).ToList(),
            Enumerable.Range(0, expiring).Select(i => Protection($"R-P{i}", p, $"Company {i}", 3)).ToList(),
            stalledScores.Select((s, i) => Deal($"O-{i}", $"Deal {i}", p, s, 240_000, "No activity for 21 days")).ToList(),
            p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo);
    }

    /// <summary>A partner and a deal whose CRM names carry a right-to-left override, other bidi controls and C0 controls.</summary>
    public const string HostilePartnerName = "Acme \u202Egnp.exe\u202C Partners\u0007";

    /// <summary>A deal name with an override, an isolate and a carriage return.</summary>
    public const string HostileDealName = "Renewal \u202E\u2066fdp.\u2069\u202C\r\nfor \u200FAcme\u061C";

    /// <summary>One partner named <see cref="HostilePartnerName"/> in every section, with a deal named <see cref="HostileDealName"/>.</summary>
    public static WeeklyScorecard Hostile()
    {
        var p = NastyPartner with { Name = HostilePartnerName };
        return new WeeklyScorecard(
            "ana.ruiz@vendor.example", Week47, Snapshot, "run-1",
            [p],
            [Registration("R-1", p, "Globex \u202Ecorp\u202C", 20, 10, "approved")],
            [Registration("R-2", p, "Initech\u2067", 18, 60)],
            [Protection("R-3", p, "Hooli\u200E", 2)],
            [Deal("O-1", HostileDealName, p, 80, 240_000, "No activity \u202Efor\u202C 21 days")],
            p.SourcedPipelineArr, p.SourcedPipelineArrWeekAgo);
    }
}
