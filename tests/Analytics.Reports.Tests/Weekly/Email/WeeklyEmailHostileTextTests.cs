using System.Xml;
using System.Xml.Linq;
using Analytics.Reports.Display;
using Analytics.Reports.Weekly.Email;
using Analytics.TestSupport.Mail;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>Issue 23 item 7: CRM names with bidi overrides or control characters reach neither email part raw.</summary>
public sealed class WeeklyEmailHostileTextTests
{
    private static void AssertNoBidiOrControl(string rendered)
    {
        foreach (var c in rendered)
        {
            Assert.False(UntrustedText.IsRemoved(c), $"U+{(int)c:X4} is in the output");
        }
    }

    [Fact]
    public void Html_has_no_bidi_or_control_character_when_names_carry_an_override()
    {
        var html = WeeklyEmailHtml.Render(SampleScorecards.Hostile());

        AssertNoBidiOrControl(html);
        Assert.Contains("Acme gnp.exe Partners", html);
        Assert.Contains("Renewal fdp.\nfor Acme", html);
    }

    [Fact]
    public void Html_isolates_every_crm_name_in_bdi_and_stays_well_formed()
    {
        var html = WeeklyEmailHtml.Render(SampleScorecards.Hostile());
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        var doc = XDocument.Load(reader);

        var isolated = doc.Descendants().Where(e => e.Name.LocalName == "bdi").Select(e => e.Value).ToList();
        Assert.Contains("Acme gnp.exe Partners", isolated);
        Assert.Contains("Globex corp", isolated);
        Assert.Contains("Initech", isolated);
        Assert.Contains("Hooli", isolated);
        Assert.Contains("Renewal fdp.\nfor Acme", isolated);
    }

    [Fact]
    public void Text_has_no_bidi_or_control_character_when_names_carry_an_override()
    {
        var text = WeeklyEmailText.Render(SampleScorecards.Hostile());

        AssertNoBidiOrControl(text);
        Assert.Contains("Acme gnp.exe Partners", text);
        Assert.Contains("for Acme", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= WeeklyEmailText.MaxLineLength, line));
    }
}
