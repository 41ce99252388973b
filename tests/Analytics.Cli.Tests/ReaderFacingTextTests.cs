using System.Text.RegularExpressions;
using Analytics.TestSupport.Pdf;

namespace Analytics.Cli.Tests;

/// <summary>
/// The packs and emails `analytics run` wrote on the three-month lake name no file of ours and no configuration key
/// (issue 20: subtitles citing "DOMAIN.md" and "pipeline.yaml tiers:"): their readers are partner leaders and managers.
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class ReaderFacingTextTests(ThreeMonthLake lake)
{

    [Fact]
    public void No_pack_or_email_names_a_document_or_configuration_file()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var texts = Directory.GetFiles(lake.Directory.Combine("data", "reports", "qbr"), "*.pdf", SearchOption.AllDirectories).Select(f => (f, PdfFile.TextOf(f)))
            .Concat(Directory.GetFiles(lake.Directory.Combine("data", "outbox"), "*.eml", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))))
            .ToList();
        Assert.NotEmpty(texts);
        foreach (var (file, text) in texts)
        {
            var found = Regex.Matches(text, @"\b[\w/-]+\.(md|ya?ml)\b").Select(m => m.Value).Distinct().ToList();
            Assert.True(found.Count == 0, $"{Path.GetFileName(file)} names {string.Join(", ", found)}");
        }
    }

    [Fact]
    public void No_pack_says_a_bare_none_where_a_list_is_empty()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        foreach (var pack in Directory.GetFiles(lake.Directory.Combine("data", "reports", "qbr"), "*.pdf", SearchOption.AllDirectories))
        {
            Assert.False(Regex.IsMatch(PdfFile.TextOf(pack), @"\bNone\."), $"{Path.GetFileName(pack)} says a bare 'None.' under an empty list");
        }
    }
}
