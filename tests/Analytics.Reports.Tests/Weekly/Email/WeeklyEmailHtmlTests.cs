using System.Xml;
using System.Xml.Linq;
using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;
using Analytics.TestSupport.Mail;

namespace Analytics.Reports.Tests.Weekly.Email;

public sealed class WeeklyEmailHtmlTests
{
    private static readonly string[] SectionsInOrder =
    [
        "Needs a decision", "New registrations this week", "Protections expiring within 7 days",
        "Deals at risk of stalling", "Tier progress", "Sourced pipeline",
    ];

    public static TheoryData<string> Cards => ["realistic", "quiet"];

    private static WeeklyScorecard Card(string name) => name == "quiet" ? SampleScorecards.Quiet() : SampleScorecards.Realistic();

    /// <summary>Parses the HTML as XML: the renderer writes closed void elements and numeric entities only.</summary>
    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> All(XDocument doc, string name) => doc.Descendants().Where(e => e.Name.LocalName == name);

    [Theory]
    [MemberData(nameof(Cards))]
    public void Render_is_well_formed_with_balanced_tags(string card)
    {
        var doc = Parse(WeeklyEmailHtml.Render(Card(card)));

        Assert.Equal("html", doc.Root!.Name.LocalName);
        Assert.Single(All(doc, "body"));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Render_has_no_scripts_remote_resources_or_style_sheets(string card)
    {
        var html = WeeklyEmailHtml.Render(Card(card));

        foreach (var banned in new[] { "<script", "src=\"http", "<link", "<img", "<style", "@import", "url(", "javascript:" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_caps_the_message_at_640_pixels()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));

        var container = All(doc, "table").First(t => (string?)t.Attribute("width") == "640");
        Assert.Contains("max-width:640px", (string?)container.Attribute("style"));
    }

    [Fact]
    public void Render_encodes_names_so_every_partner_reads_exactly_as_written()
    {
        var card = SampleScorecards.Realistic();
        var html = WeeklyEmailHtml.Render(card);
        var text = Parse(html).Root!.Value;

        Assert.DoesNotContain("<Sons>", html);
        Assert.DoesNotContain("<EMEA>", html);
        foreach (var partner in card.Partners)
        {
            Assert.Contains(partner.Name, text);
        }

        Assert.Contains("Umbrella \"Health\" Ltd", text);
    }

    [Fact]
    public void Render_puts_the_sections_in_order_after_the_summary()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));

        var headings = All(doc, "h2").Select(h => h.Value).ToList();
        Assert.Equal(SectionsInOrder, headings);
        var body = All(doc, "body").Single().Value;
        Assert.True(body.IndexOf("7 actions this week: 3 registrations awaiting a decision (2 overdue)", StringComparison.Ordinal)
            < body.IndexOf("Needs a decision", StringComparison.Ordinal));
        Assert.Contains("Attached: one-page scorecards for your 3 partners.", body);
        Assert.Contains("snapshot 2026-11-22", body);
        Assert.Contains("run-20261122-0600", body);
        Assert.Contains("analytics catalog <mart>", body);
    }

    [Fact]
    public void Overdue_pending_rows_say_Overdue_and_carry_a_red_left_border()
    {
        var card = SampleScorecards.Realistic();
        var doc = Parse(WeeklyEmailHtml.Render(card));
        var decisionRows = RowsOfSection(doc, "Needs a decision");

        Assert.Equal(card.PendingDecisions.Count, decisionRows.Count);
        foreach (var (item, row) in card.PendingDecisions.Zip(decisionRows))
        {
            Assert.Contains(item.CompanyName, row.Value);
            var firstCellStyle = (string?)row.Elements().First().Attribute("style") ?? "";
            Assert.Equal(item.IsOverdue, row.Value.Contains("Overdue", StringComparison.Ordinal));
            Assert.Equal(item.IsOverdue, firstCellStyle.Contains("border-left:4px solid #b3261e", StringComparison.Ordinal));
        }

        Assert.Equal(2, decisionRows.Count(r => r.Value.Contains("Overdue", StringComparison.Ordinal)));
    }

    [Fact]
    public void Empty_sections_say_so_in_one_line_instead_of_vanishing()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Quiet()));
        var text = doc.Root!.Value;

        Assert.Equal(SectionsInOrder, All(doc, "h2").Select(h => h.Value));
        Assert.Contains("No registrations are waiting for a decision.", text);
        Assert.Contains("No new registrations this week.", text);
        Assert.Contains("No protections expire within 7 days.", text);
        Assert.Contains("No open deals are at risk of stalling.", text);
        Assert.Contains("No actions this week", text);
        Assert.Contains("Attached: a one-page scorecard for your 1 partner.", text);
    }

    [Fact]
    public void Tier_bars_are_as_wide_as_the_progress_and_met_criteria_are_marked()
    {
        var html = WeeklyEmailHtml.Render(SampleScorecards.Realistic());

        Assert.Contains("<td width=\"69%\"", html); // $412K of $600K
        Assert.Contains("<td width=\"31%\"", html);
        Assert.Contains("<td width=\"93%\"", html); // 3.9 of 4.2
        Assert.Contains("$412K of $600K", html);
        Assert.Contains("3 people of 2 people &#183; <b style=\"color:#2e7d32;white-space:nowrap;\">&#10003; Met</b>", html);
        Assert.Contains("not measured, needs 30%", html);
        Assert.Contains("Silver \u2192 Gold", html);
        Assert.Contains("Gold (top tier: criteria to keep it)", html);
    }

    [Fact]
    public void Sourced_pipeline_shows_the_change_and_na_without_last_week()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));
        var rows = RowsOfSection(doc, "Sourced pipeline").Select(r => r.Elements().Select(c => c.Value).ToArray()).ToList();

        Assert.Equal(["Brightforge Labs", "$95K", "n/a", "n/a"], rows[0]);
        Assert.Equal(["Northwind Cloud Consulting", "$860K", "$910K", "-$50K (-5%)"], rows[1]);
        Assert.Equal([SampleScorecards.Nasty, "$1.2M", "$1.1M", "+$120K (+11%)"], rows[2]);
        Assert.Equal(["All your partners", "$2.2M", "n/a", "n/a"], rows[3]);
    }

    [Fact]
    public void Stalled_deals_show_score_stage_arr_and_three_reasons_with_actions_marked()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));
        var rows = RowsOfSection(doc, "Deals at risk of stalling");

        Assert.Equal(3, rows.Count);
        Assert.StartsWith("86/100Acme & Co <EMEA> platform expansion Action", rows[0].Value);
        Assert.Contains("configure quote", rows[0].Value);
        Assert.Contains("$240K", rows[0].Value);
        Assert.Equal(3, rows[0].Descendants().Count(e => e.Name.LocalName == "li"));
        Assert.DoesNotContain("Action", rows[2].Value); // 55 is below the action score
    }

    /// <summary>The body rows (no header row) of the first table after the section's heading.</summary>
    private static List<XElement> RowsOfSection(XDocument doc, string heading)
    {
        var h2 = All(doc, "h2").Single(h => h.Value == heading);
        var table = h2.ElementsAfterSelf().First(e => e.Name.LocalName == "table");
        return table.Elements().Where(e => e.Name.LocalName == "tr" && !e.Elements().Any(c => c.Name.LocalName == "th")).ToList();
    }
}
