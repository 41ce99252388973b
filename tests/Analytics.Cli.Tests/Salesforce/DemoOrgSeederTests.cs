using Analytics.Sources.Demo;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>The seeding the end-to-end tests stand on: one Salesforce row per demo record, in the objects the default mapping reads.</summary>
public sealed class DemoOrgSeederTests
{
    [Fact]
    public void The_seeded_org_holds_one_row_per_demo_record_in_the_object_the_default_mapping_reads()
    {
        var demo = new DemoCrm(new DemoCrmOptions { Seed = SeededOrgs.Seed, Scale = SeededOrgs.Scale }).Snapshot(SeededOrgs.Day);
        var (org, _) = SeededOrgs.Demo(CliRun.Now);

        Assert.Equal(demo.Partners.Count, org.Count("ChannelProgramMember"));
        Assert.Equal(demo.Partners.Count + demo.Accounts.Count, org.Count("Account"));
        Assert.Equal(demo.Opportunities.Count, org.Count("Opportunity"));
        Assert.Equal(demo.OpportunityPartners.Count, org.Count("Partner_Attribution__c"));
        Assert.Equal(demo.StageHistory.Count, org.Count("OpportunityHistory"));
        Assert.Equal(demo.DealRegistrations.Count + demo.LeadRegistrations.Count, org.Count("Lead"));
        Assert.Equal(demo.DealRegistrations.Count + demo.LeadRegistrations.Count, org.Count("ProcessInstance"));
        Assert.Equal(demo.Activities.Count(a => a.ActivityType == "meeting"), org.Count("Event"));
        Assert.Equal(demo.Activities.Count(a => a.ActivityType != "meeting"), org.Count("Task"));
        Assert.Equal(demo.Certifications.Count, org.Count("Partner_Certification__c"));
        Assert.Equal(demo.CsatResponses.Count, org.Count("CSAT_Response__c"));
        Assert.Equal(demo.PartnerProofs.Count, org.Count("Partner_Proof__c"));
        Assert.Equal(demo.Conflicts.Count, org.Count("Channel_Conflict__c"));
        Assert.True(demo.Opportunities.Count > 500, $"{demo.Opportunities.Count} opportunities");
        // Salesforce keeps milliseconds: the demo's times must not carry finer ticks, or they could not compare equal.
        Assert.All(demo.Opportunities, o => Assert.Equal(0, o.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond));
        Assert.All(demo.StageHistory, h => Assert.Equal(0, h.EnteredAt.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
