using System.Text.RegularExpressions;
using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

public sealed class WeeklyEmailTextTests
{
    private static readonly string[] SectionsInOrder =
    [
        "NEEDS A DECISION", "NEW REGISTRATIONS THIS WEEK", "PROTECTIONS EXPIRING WITHIN 7 DAYS",
        "DEALS AT RISK OF STALLING", "TIER PROGRESS", "SOURCED PIPELINE",
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
            StalledDeals = [SampleScorecards.Deal("O-9", company + " renewal", longPartner, 91, "A reason that goes on " + new string('z', 90))],
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
        Assert.Contains("Attached: one-page scorecards for your 3 partners.", text);
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
    public void Tier_progress_draws_ASCII_bars_with_percentages_and_marks_met_criteria()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        Assert.Contains("[#####################---------]  69%", text);
        Assert.Contains("[##############################] 100%", text);
        Assert.Contains("3 people of 2 people  MET", text);
        Assert.Contains($"{SampleScorecards.Nasty}: Silver -> Gold", text);
        Assert.Contains("Reseller, last review: upgrade, readiness 64%", text);
    }

    [Theory]
    [InlineData(0, "[------------------------------]   0%")]
    [InlineData(0.7, "[#####################---------]  70%")]
    [InlineData(1.5, "[##############################] 100%")]
    [InlineData(double.NaN, "[------------------------------]   0%")]
    public void Bar_fills_its_share_of_thirty_cells(double progress, string expected)
    {
        Assert.Equal(expected, WeeklyEmailText.Bar(progress));
    }

    [Fact]
    public void Sourced_pipeline_shows_change_and_na_and_a_total()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Realistic());

        Assert.Matches(@"\n  Brightforge Labs +\$95K +n/a +n/a\n", text);
        Assert.Matches(@"\n  Northwind Cloud Consulting +\$860K +\$910K +-\$50K \(-5%\)\n", text);
        Assert.Matches(@"\n  All your partners +\$2\.2M +n/a +n/a\n", text);
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
