using Analytics.Reports.Weekly;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

/// <summary>The email's deals at risk are those with the most ARR at risk only: when more deals are scored, both parts say so.</summary>
public sealed class WeeklyEmailListedTests
{
    private static WeeklyScorecard Capped()
    {
        var card = SampleScorecards.WithActions(0, 0, 91, 88, 75);
        return card with { StalledDealsScored = new Dictionary<string, int> { [card.Partners[0].PartnerId] = 23 } };
    }

    [Fact]
    public void Html_and_text_say_3_of_23_scored_deals_are_listed_and_where_the_rest_are()
    {
        const string Line = "Listed: the 3 with the most ARR at risk of 23 scored open deals of your partners; each partner's page of the attached PDF "
            + "lists its own, and every score is in the warehouse table scores.stalled_deals.";

        Assert.Contains(Line, System.Net.WebUtility.HtmlDecode(WeeklyEmailHtml.Render(Capped())));
        Assert.Contains(Line, string.Join(' ', WeeklyEmailText.Render(Capped()).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_list_holding_every_scored_deal_says_nothing_more()
    {
        var card = SampleScorecards.WithActions(0, 0, 91, 88, 75);
        card = card with { StalledDealsScored = new Dictionary<string, int> { [card.Partners[0].PartnerId] = 3 } };

        Assert.DoesNotContain("scores.stalled_deals", WeeklyEmailHtml.Render(card));
        Assert.DoesNotContain("scores.stalled_deals", WeeklyEmailText.Render(card));
    }
}
