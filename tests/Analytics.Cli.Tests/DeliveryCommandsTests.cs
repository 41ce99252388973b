using System.Text.RegularExpressions;
using Analytics.TestSupport.Mail;
using Analytics.TestSupport.Pdf;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>The end of `analytics run` on a real demo lake: QBR packs, weekly emails, and that each partner pack and
/// each manager's email holds only what its recipient may see (read back from the PDFs' text and the .eml bodies).</summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class DeliveryCommandsTests(ThreeMonthLake lake)
{
    private string Reports => lake.Directory.Combine("data", "reports", "qbr");

    private string Outbox => lake.Directory.Combine("data", "outbox");

    [Fact]
    public void Run_writes_a_program_pack_a_pack_per_active_partner_and_one_email_per_manager()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var partners = ActivePartners();
        var quarter = Assert.Single(Directory.GetDirectories(Reports));
        Assert.Equal("2026-Q2", Path.GetFileName(quarter));
        Assert.True(File.Exists(Path.Combine(quarter, "program-qbr-2026-Q2.pdf")));
        Assert.True(File.Exists(Path.Combine(quarter, "manifest.json")));
        Assert.Equal(partners.Count, Directory.GetFiles(Path.Combine(quarter, "partners"), "*.pdf").Length);
        Assert.Equal(partners.Select(p => p.Manager).Distinct().Count(), Emails().Count);
        Assert.Contains("Snapshot 2026-09-30", PdfText(Path.Combine(quarter, "program-qbr-2026-Q2.pdf")));
    }

    [Fact]
    public void No_partner_pack_contains_another_partners_name_id_or_deal()
    {
        var partners = ActivePartners();
        var deals = PartnerDeals();
        var packs = Directory.GetFiles(Path.Combine(Reports, "2026-Q2", "partners"), "*.pdf");
        Assert.NotEmpty(packs);
        foreach (var partner in partners)
        {
            var pack = Assert.Single(packs, p => Path.GetFileName(p).StartsWith(partner.Id + "-", StringComparison.Ordinal));
            var text = PdfText(pack);
            Assert.Contains(partner.Name, text);
            var own = deals.Where(d => d.PartnerId == partner.Id).Select(d => d.Name).ToHashSet();
            foreach (var other in partners.Where(o => o.Id != partner.Id && !partner.Name.Contains(o.Name, StringComparison.Ordinal)))
            {
                Assert.False(text.Contains(other.Name, StringComparison.Ordinal), $"{Path.GetFileName(pack)} names {other.Name}");
                Assert.False(text.Contains(other.Id, StringComparison.Ordinal), $"{Path.GetFileName(pack)} names {other.Id}");
            }

            foreach (var deal in deals.Where(d => d.PartnerId != partner.Id && !own.Contains(d.Name)).Select(d => d.Name).Distinct())
            {
                Assert.False(text.Contains(deal, StringComparison.Ordinal), $"{Path.GetFileName(pack)} shows another partner's deal {deal}");
            }
        }
    }

    [Fact]
    public void No_manager_email_mentions_a_partner_of_another_manager()
    {
        var partners = ActivePartners();
        var emails = Emails();
        Assert.NotEmpty(emails);
        foreach (var (manager, text) in emails)
        {
            var mine = partners.Where(p => p.Manager == manager).ToList();
            Assert.NotEmpty(mine);
            Assert.All(mine, p => Assert.Contains(p.Name, text));
            foreach (var other in partners.Where(p => p.Manager != manager && !mine.Any(m => m.Name.Contains(p.Name, StringComparison.Ordinal))))
            {
                Assert.False(text.Contains(other.Name, StringComparison.Ordinal), $"the email to {manager} names {other.Name} of {other.Manager}");
            }
        }
    }

    [Fact]
    public void A_second_email_run_for_the_same_week_sends_nothing()
    {
        var before = Directory.GetFiles(Outbox, "*.eml", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var ledgerLines = File.ReadAllLines(Path.Combine(Outbox, "deliveries.jsonl")).Length;

        var (code, output) = CliRun.Invoke("email", "weekly", "--config", lake.Config);

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("sent 0", output);
        Assert.Equal(before, Directory.GetFiles(Outbox, "*.eml", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(ledgerLines, File.ReadAllLines(Path.Combine(Outbox, "deliveries.jsonl")).Length);
        Assert.Equal(before.Count, WarehouseQuery.Scalar<long>(lake.Warehouse, "select count(*) from catalog.deliveries where status = 'sent'"));
    }

    [Fact]
    public void A_qbr_of_a_quarter_that_has_not_closed_is_a_usage_error_naming_the_closed_quarters()
    {
        var (code, output) = CliRun.Invoke("report", "qbr", "--quarter", "2026-Q3", "--config", lake.Config);

        Assert.Equal(ExitCodes.BadUsage, code);
        output = Collapse(output);
        Assert.Contains("2026-Q3 has not closed", output);
        Assert.Contains("the last is 2026-Q2", output);
        Assert.Matches(@"the closed quarters it holds run from 20\d\d-Q\d to 2026-Q2", output);
    }

    [Fact]
    public void A_week_other_than_the_warehouses_is_refused_with_how_to_build_it()
    {
        var (code, output) = CliRun.Invoke("email", "weekly", "--week", "2026-W30", "--config", lake.Config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("not one of 2026-W30", output);
        Assert.Contains("analytics transform --as-of 2026-07-26", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
        var (helpCode, help) = CliRun.Invoke("transform", "--help"); // the advice names an option that exists
        Assert.Equal(ExitCodes.Success, helpCode);
        Assert.Contains("--as-of", help);
    }

    private List<(string Id, string Name, string Manager)> ActivePartners() => WarehouseQuery.Rows<(string, string, string)>(lake.Warehouse,
        "select partner_id, name, partner_manager_email from staging.partners where status = 'active'");

    private List<(string PartnerId, string Name)> PartnerDeals() => WarehouseQuery.Rows<(string, string)>(lake.Warehouse,
        "select p.partner_id, o.name from staging.opportunity_partners p join staging.opportunities o using (opportunity_id)");

    /// <summary>Each email's recipient and everything it shows: subject, plain text, HTML and the attached PDF's text.</summary>
    private List<(string Manager, string Text)> Emails() => Directory.GetFiles(Outbox, "*.eml", SearchOption.AllDirectories).Select(file =>
    {
        var message = MimeMessages.Load(file);
        var parts = message.Descendants().ToList();
        var pdf = parts.OfType<MimeKit.MimePart>().Single(p => p.MediaType() == "application/pdf");
        var pdfPath = Path.Combine(lake.Directory.Path, Path.GetRandomFileName() + ".pdf");
        File.WriteAllBytes(pdfPath, pdf.DecodedBytes());
        var text = string.Join("\n", parts.OfType<MimeKit.TextPart>().Select(p => System.Net.WebUtility.HtmlDecode(p.Text)))
            + "\n" + PdfText(pdfPath) + "\n" + message.Subject;
        return (Manager: message.To.Mailboxes.Single().Address, Text: Collapse(text));
    }).ToList();

    private static string PdfText(string pdf) => Collapse(PdfFile.TextOf(pdf));

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ");
}
