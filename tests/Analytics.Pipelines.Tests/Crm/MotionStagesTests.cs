using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Tests.Crm;

public sealed class MotionStagesTests
{
    [Theory]
    [InlineData("direct", "discovery", "commit")]
    [InlineData("referral", "intro_logged", "closed_credit")]
    [InlineData("reseller", "deal_registration", "launch_enable")]
    [InlineData("marketplace", "listing_ready", "adopt_expand")]
    [InlineData("services", "solution_design", "handoff")]
    [InlineData("tech", "integration_fit", "commercials_close")]
    public void Each_motion_has_its_five_stages_in_order(string motion, string first, string last)
    {
        var stages = MotionStages.For(motion);

        Assert.Equal(5, stages.Count);
        Assert.Equal(first, stages[0]);
        Assert.Equal(last, stages[4]);
    }

    [Fact]
    public void StageAt_and_IndexOf_agree_for_every_stage_of_every_motion()
    {
        Assert.All(MotionStages.Motions, motion =>
        {
            for (var index = 0; index <= 6; index++)
            {
                Assert.Equal(index, MotionStages.IndexOf(motion, MotionStages.StageAt(motion, index)));
            }
        });
    }

    [Fact]
    public void Closed_stages_sit_below_and_above_the_open_ones()
    {
        Assert.Equal("closed_lost", MotionStages.StageAt("tech", 0));
        Assert.Equal("closed_won", MotionStages.StageAt("tech", 6));
    }

    [Fact]
    public void A_stage_of_another_motion_has_no_index()
    {
        Assert.Equal(-1, MotionStages.IndexOf("direct", "private_offer"));
    }

    [Fact]
    public void Unknown_motion_or_index_is_rejected_with_the_allowed_values()
    {
        var error = Assert.Throws<ArgumentException>(() => MotionStages.For("alliances"));
        Assert.Contains("direct, referral, reseller, marketplace, services, tech", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MotionStages.StageAt("direct", 7));
    }

    [Fact]
    public void AllStages_lists_each_stage_once_with_the_closed_stages_last()
    {
        var all = MotionStages.AllStages;

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(["closed_won", "closed_lost"], all.TakeLast(2));
        Assert.Equal(MotionStages.Motions.SelectMany(MotionStages.For).Distinct().Count() + 2, all.Count);
    }

    [Fact]
    public void Partner_motions_are_the_partner_types()
    {
        Assert.Equal(CrmVocabulary.PartnerTypes, MotionStages.PartnerMotions);
        Assert.Equal(["direct", .. MotionStages.PartnerMotions], MotionStages.Motions);
    }
}
