using System.Text.RegularExpressions;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Mail;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>
/// `analytics email weekly` on the three-month demo lake: the demo CRM has no record pages, so its emails carry no link;
/// with delivery.crm_links templates, every deal and partner link carries an id landed in the CRM's canonical rows.
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class WeeklyEmailLinksCommandTests(ThreeMonthLake lake) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_demo_crm_without_configured_links_sends_emails_without_a_single_link()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var emails = Directory.GetFiles(lake.Directory.Combine("data", "outbox"), "*.eml", SearchOption.AllDirectories);

        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.DoesNotContain("<a ", Bodies(e).Html));
    }

    [Fact]
    public void Configured_links_carry_the_landed_record_ids_of_the_managers_deals_and_partners_in_both_parts()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var warehouse = _temp.Combine("analytics.duckdb");
        File.Copy(lake.Warehouse, warehouse); // the email run records its deliveries in its own copy
        var config = _temp.Combine("pipeline.yaml");
        File.WriteAllText(config, $$"""
            paths:
              warehouse: {{warehouse}}
              outbox: {{_temp.Combine("outbox")}}
            delivery:
              crm_links:
                deal: "https://crm.example/deals/{id}/view"
                partner: "https://crm.example/partners/{id}"
            """);

        var (code, output) = CliRun.Invoke("email", "weekly", "--config", config);

        Assert.True(code == ExitCodes.Success, output);
        var landedDeals = WarehouseQuery.Rows<string>(warehouse, "select opportunity_id from staging.opportunities").ToHashSet();
        var partners = WarehouseQuery.Rows<(string Id, string Manager)>(warehouse,
            "select partner_id, partner_manager_email from staging.partners where status = 'active'");
        var emails = Directory.GetFiles(_temp.Combine("outbox"), "*.eml", SearchOption.AllDirectories);
        Assert.NotEmpty(emails);
        var linkedDeals = 0;
        foreach (var email in emails)
        {
            var (to, html, text) = Bodies(email);
            var deals = Ids(html, @"https://crm\.example/deals/([^/""]+)/view");
            var partnerIds = Ids(html, @"https://crm\.example/partners/([^""<\s]+)");
            Assert.Subset(landedDeals, deals);
            Assert.Equal(partners.Where(p => p.Manager == to).Select(p => p.Id).ToHashSet(), partnerIds);
            Assert.Equal(deals, Ids(text, @"https://crm\.example/deals/([^/\s]+)/view"));
            Assert.Equal(partnerIds, Ids(text, @"https://crm\.example/partners/(\S+)"));
            linkedDeals += deals.Count;
        }

        Assert.True(linkedDeals > 0, "no email linked a deal");
    }

    private static HashSet<string> Ids(string body, string pattern) =>
        Regex.Matches(body, pattern).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToHashSet();

    private static (string To, string Html, string Text) Bodies(string file)
    {
        var message = MimeMessages.Load(file);
        var parts = message.Descendants().OfType<MimeKit.TextPart>().ToList();
        return (message.To.Mailboxes.Single().Address, parts.Single(p => p.IsHtml).Text, parts.Single(p => p.IsPlain).Text);
    }
}
