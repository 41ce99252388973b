using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>
/// Renders the realistic sample and leaves it in the temp folder (email-sample.html, email-sample.txt) for
/// scripts/screenshot-email.sh, so people can look at what the tests check.
/// </summary>
public sealed class WeeklyEmailSampleTests
{
    [Fact]
    public void Realistic_sample_renders_both_parts_and_is_saved_for_screenshots()
    {
        // With HubSpot links (portal 4412345), so the screenshots show how linked names look.
        var card = SampleScorecards.Realistic() with
        {
            Links = CrmLinks.For(Pipelines.Configuration.SourceKind.HubSpot, new Analytics.Reports.Configuration.CrmLinksConfig(null, "4412345", null, null)),
        };
        var html = WeeklyEmailHtml.Render(card);
        var text = WeeklyEmailText.Render(card);
        var htmlPath = Path.Combine(Path.GetTempPath(), "email-sample.html");
        var textPath = Path.Combine(Path.GetTempPath(), "email-sample.txt");

        File.WriteAllText(htmlPath, html);
        File.WriteAllText(textPath, WeeklySubject.For(card) + "\n\n" + text);

        Assert.Equal(html, File.ReadAllText(htmlPath));
        Assert.Contains("<title>Partner scorecard 2026-W47: 7 actions this week</title>", html);
        Assert.Contains("7 actions this week", text);
    }
}
