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
        "Since last week", "Needs a decision", "Protections expiring within 7 days",
        "Deals with the most ARR at risk", "New registrations this week", "Your partners",
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
        Assert.Contains("Attached: one-page scorecards for your 3 partners (tier criteria, deals at risk, registrations) and every deal changed since last week.", body);
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
        Assert.Contains("No snapshot a week older than this one yet, so there is nothing to compare with.", text);
        Assert.Contains("No actions this week", text);
        Assert.Contains("Attached: a one-page scorecard for your 1 partner (tier criteria, deals at risk, registrations).", text);
    }

    [Fact]
    public void Each_partner_is_one_line_of_tier_and_pipeline_and_the_criteria_bars_are_left_to_the_pdf()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));
        var rows = RowsOfSection(doc, "Your partners").Select(r => r.Elements().Select(c => c.Value).ToArray()).ToList();

        Assert.Equal(["Brightforge LabsRegistered \u2192 Silver, readiness 18%, no criteria measured, no completed review yet", "$95Kn/a"], rows[0]);
        Assert.Equal(["Northwind Cloud ConsultingGold (top tier: criteria to keep it), readiness not scored, 1 of 2 criteria met, review in progress: hold so far",
            "$860K-$50K (-5%)"], rows[1]);
        Assert.Equal([SampleScorecards.Nasty + "Silver \u2192 Gold, readiness 64%, 1 of 3 criteria met, review in progress: upgrade so far", "$1.2M+$120K (+11%)"], rows[2]);
        Assert.Equal(["All your partners", "$2.2Mn/a"], rows[3]);
        var html = WeeklyEmailHtml.Render(SampleScorecards.Realistic());
        Assert.DoesNotContain("$412K of $600K", html);
        Assert.Contains("tier criteria, one bar each, are on its page of the attached PDF", html);
    }

    [Fact]
    public void Deals_at_risk_are_ranked_by_arr_times_stall_probability_and_the_rule_is_stated()
    {
        var doc = Parse(WeeklyEmailHtml.Render(SampleScorecards.Realistic()));
        var rows = RowsOfSection(doc, "Deals with the most ARR at risk");

        Assert.Equal(3, rows.Count);
        Assert.StartsWith("55/100Initech pilot", rows[0].Value);
        Assert.Contains("$220K at risk (ARR $400K x 55%)", rows[0].Value);
        Assert.DoesNotContain("Action", rows[0].Value); // 55 is below the action score
        Assert.StartsWith("86/100Acme & Co <EMEA> platform expansion Action", rows[1].Value);
        Assert.Contains("$206K at risk (ARR $240K x 86%)", rows[1].Value);
        Assert.Contains("configure quote", rows[1].Value);
        Assert.Contains("No activity for 21 days", rows[1].Value);
        Assert.StartsWith("72/100Globex data residency add-on Action", rows[2].Value);
        Assert.Contains("Ranked by ARR at risk: the deal's ARR times its chance of stalling.", doc.Root!.Value);
        Assert.Contains("So a $100K deal scoring 50 ($50K at risk) comes before a $20K deal scoring 90 ($18K at risk).", doc.Root!.Value);
    }

    [Fact]
    public void Only_the_five_deals_with_most_arr_at_risk_are_in_the_email_and_only_they_count_as_actions()
    {
        var card = SampleScorecards.WithActions(0, 0, 95, 94, 93, 92, 91, 90, 89);
        var doc = Parse(WeeklyEmailHtml.Render(card));

        Assert.Equal(5, RowsOfSection(doc, "Deals with the most ARR at risk").Count);
        Assert.Equal(5, card.ActionCount);
        Assert.Contains("Listed: the 5 with the most ARR at risk of 7 scored open deals of your partners", doc.Root!.Value);
    }

    /// <summary>The body rows (no header row) of the first table after the section's heading.</summary>
    private static List<XElement> RowsOfSection(XDocument doc, string heading)
    {
        var h2 = All(doc, "h2").Single(h => h.Value == heading);
        var table = h2.ElementsAfterSelf().First(e => e.Name.LocalName == "table");
        return table.Elements().Where(e => e.Name.LocalName == "tr" && !e.Elements().Any(c => c.Name.LocalName == "th")).ToList();
    }
}
