using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

public sealed class WeeklySubjectTests
{
    [Fact]
    public void For_a_week_with_nothing_to_do_says_no_actions()
    {
        Assert.Equal("Partner scorecard 2026-W47: no actions this week", WeeklySubject.For(SampleScorecards.WithActions(0, 0)));
    }

    [Fact]
    public void For_one_action_uses_the_singular()
    {
        Assert.Equal("Partner scorecard 2026-W47: 1 action this week", WeeklySubject.For(SampleScorecards.WithActions(0, 1)));
    }

    [Fact]
    public void For_counts_decisions_protections_and_deals_scoring_70_or_more()
    {
        // 1 pending decision + 1 expiring protection + the deal at 70 (the one at 69 is not an action).
        var card = SampleScorecards.WithActions(1, 1, 70, 69);

        Assert.Equal("Partner scorecard 2026-W47: 3 actions this week", WeeklySubject.For(card));
    }

    [Fact]
    public void For_the_realistic_week_counts_seven_actions()
    {
        Assert.Equal("Partner scorecard 2026-W47: 7 actions this week", WeeklySubject.For(SampleScorecards.Realistic()));
    }
}
