using System.Text.RegularExpressions;
using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

public sealed class WeeklyEmailTextTests
{
    private static readonly string[] SectionsInOrder =
    [
        "SINCE LAST WEEK", "NEEDS A DECISION", "PROTECTIONS EXPIRING WITHIN 7 DAYS",
        "DEALS WITH THE MOST ARR AT RISK", "NEW REGISTRATIONS THIS WEEK", "YOUR PARTNERS",
    ];

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>Names far longer than a column, some without a single space to break at.</summary>
    private static WeeklyScorecard LongNames()
    {
        var card = SampleScorecards.Realistic();
        var longPartner = SampleScorecards.NastyPartner with
        {
            Name = "Supercalifragilisticexpialidocious-Integration-Consultancy-Worldwide-Holdings GmbH & Co. KG",
            Criteria = [new("x", "A criterion label long enough to need wrapping beside its figures, really quite long", 5, 10, 0.5, false, "$1,234,567,890", "$2,000,000,000")],
        };
        var company = new string('W', 120);
        return card with
        {
            Partners = [.. card.Partners, longPartner],
            PendingDecisions = [SampleScorecards.Registration("R-1", longPartner, company, 12, 250)],
            StalledDeals = [SampleScorecards.Deal("O-9", company + " renewal", longPartner, 91, 240_000, "A reason that goes on " + new string('z', 90))],
        };
    }

    [Fact]
    public void Every_line_is_at_most_78_characters_even_with_very_long_names()
    {
        foreach (var card in new[] { SampleScorecards.Realistic(), SampleScorecards.Quiet(), LongNames() })
        {
            var lines = Lines(WeeklyEmailText.Render(card));

            Assert.All(lines, line => Assert.True(line.Length <= 78, $"{line.Length} chars: {line}"));
            Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
        }
    }

    [Fact]
    public void Long_names_wrap_within_their_column_and_lose_no_characters()
    {
        var text = WeeklyEmailText.Render(LongNames());

        // The 120-character company (once in the decisions table, once in the deal's name) arrives in column-wide pieces.
        var pieces = Regex.Matches(text, "W{6,}").Sum(m => m.Length);
        Assert.Equal(240, pieces);
        Assert.Contains("OVERDUE 10 d", text);
    }

    [Fact]
    public void Render_has_the_same_sections_in_the_same_order_as_the_HTML()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        var positions = SectionsInOrder.Select(s => text.IndexOf("\n" + s + "\n", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.StartsWith("PARTNER SCORECARD 2026-W47\nMon 16 Nov - 22 Nov 2026, figures as of snapshot 2026-11-22\n", text);
        Assert.Contains("Attached: one-page scorecards for your 3 partners (tier criteria, deals at\nrisk, registrations) and every deal changed since last week.", text);
        Assert.Contains("run-20261122-0600", text);
    }

    [Fact]
    public void Every_partner_name_appears_unencoded()
    {
        var card = SampleScorecards.Realistic();
        var text = WeeklyEmailText.Render(card);

        foreach (var partner in card.Partners)
        {
            Assert.Contains(partner.Name, text);
        }

        Assert.DoesNotContain("&amp;", text);
    }

    [Fact]
    public void Pending_rows_are_aligned_and_overdue_ones_say_OVERDUE()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        var lines = Lines(text);
        var header = Array.FindIndex(lines, l => l.StartsWith("  Submitted", StringComparison.Ordinal));
        var rows = lines.Skip(header + 2).Take(3).ToArray();
        Assert.EndsWith("OVERDUE 9 d", rows[0]);
        Assert.EndsWith("OVERDUE 75 h", rows[1]);
        Assert.EndsWith(" 40 h", rows[2]);
        Assert.DoesNotContain("OVERDUE", rows[2]);
        var companyColumn = lines[header].IndexOf("Company", StringComparison.Ordinal);
        Assert.All(rows, r => Assert.NotEqual(' ', r[companyColumn]));
        Assert.Equal(lines[header].Length, rows.Max(r => r.Length)); // "Waiting" right-aligned to the widest cell
    }

    [Fact]
    public void Each_partner_gets_its_tier_line_and_sourced_pipeline_and_no_criteria_bars()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        Assert.Contains($"  {SampleScorecards.Nasty}\n    Silver -> Gold, readiness 64%, 1 of 3 criteria met, review in progress:\n    upgrade so far\n"
            + "    Sourced pipeline $1.2M, vs last week +$120K (+11%)\n", text);
        Assert.Contains("  Brightforge Labs\n    Registered -> Silver, readiness 18%, no criteria measured, no completed\n    review yet\n"
            + "    Sourced pipeline $95K, vs last week n/a\n", text);
        Assert.Contains("  All your partners: sourced pipeline $2.2M, vs last week n/a\n", text);
        Assert.DoesNotContain("[#", text);
    }

    [Fact]
    public void Deals_at_risk_are_in_the_same_order_with_the_same_figures_as_the_HTML()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        var first = text.IndexOf("   55/100  Initech pilot\n           $220K at risk (ARR $400K x 55%)\n", StringComparison.Ordinal);
        var second = text.IndexOf("   86/100  Acme & Co <EMEA> platform expansion [ACTION]\n           $206K at risk (ARR $240K x 86%)\n", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, text);
        Assert.Contains("Ranked by ARR at risk", text);
    }

    [Fact]
    public void Empty_sections_say_so_in_one_line()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Quiet());

        Assert.Contains("\nNEEDS A DECISION\n================\n  No registrations are waiting for a decision.\n", text);
        Assert.Contains("  No new registrations this week.\n", text);
        Assert.Contains("  No protections expire within 7 days.\n", text);
        Assert.Contains("  No open deals are at risk of stalling.\n", text);
        Assert.Contains("No actions this week", text);
    }
}
