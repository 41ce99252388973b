using System.Net;
using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>The "since last week" block: counts with ARR, the changed deals (capped, with where the rest are), both parts alike.</summary>
public sealed class WeeklyEmailChangesTests
{
    private static string HtmlText(WeeklyScorecard card) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(WeeklyEmailHtml.Render(card), "<[^>]+>", " "));

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_block_counts_new_won_lost_and_slipped_deals_with_their_arr_against_the_named_snapshot()
    {
        var card = SampleScorecards.Realistic();
        var html = Words(HtmlText(card));
        var text = WeeklyEmailText.Render(card);

        Assert.Contains("against the snapshot of 2026-11-15", html);
        Assert.Contains("2 New $150K 1 Won $80K 1 Lost $45K 1 Slipped $240K", html);
        Assert.Matches(@"\n  New +2 +\$150K\n  Won +1 +\$80K\n  Lost +1 +\$45K\n  Slipped +1 +\$240K\n", text);
    }

    [Fact]
    public void A_slipped_deal_shows_its_close_date_before_and_after()
    {
        var card = SampleScorecards.Realistic();

        Assert.Contains("ARR $240K, close date 30 Nov 2026 \u2192 15 Jan 2027", HtmlText(card));
        Assert.Contains("ARR $240K, close date 30 Nov 2026 -> 15 Jan 2027", Words(WeeklyEmailText.Render(card)));
        Assert.Contains("  SLIPPED   Acme & Co <EMEA> platform expansion\n", WeeklyEmailText.Render(card));
    }

    [Fact]
    public void More_changed_deals_than_the_email_lists_are_counted_and_sent_to_the_pdf()
    {
        var partner = SampleScorecards.NorthwindPartner;
        var deals = Enumerable.Range(1, 9).Select(i => SampleScorecards.Changed($"O-{i}", $"New deal {i}", "new", partner, 10_000 * (10 - i), new DateOnly(2027, 1, i))).ToList();
        var card = SampleScorecards.Quiet() with
        {
            Changes = new WeeklyChanges(new DateOnly(2026, 11, 15),
                [new ChangeCount("new", 9, 450_000), new ChangeCount("won", 0, 0), new ChangeCount("lost", 0, 0), new ChangeCount("slipped", 0, 0)], deals),
        };
        const string Line = "Listed: the first 6 of 9 changed deals; every one is on the last page of the attached PDF.";

        Assert.Contains(Line, HtmlText(card));
        Assert.Contains(Line, Words(WeeklyEmailText.Render(card)));
        Assert.Contains("New deal 6", HtmlText(card));
        Assert.DoesNotContain("New deal 7", HtmlText(card));
    }

    [Fact]
    public void Without_a_snapshot_a_week_older_the_block_says_there_is_nothing_to_compare()
    {
        var card = SampleScorecards.Quiet();

        Assert.Contains(WeeklyEmailWording.NoPreviousSnapshot, HtmlText(card));
        Assert.Contains(WeeklyEmailWording.NoPreviousSnapshot, Words(WeeklyEmailText.Render(card)));
    }
}
