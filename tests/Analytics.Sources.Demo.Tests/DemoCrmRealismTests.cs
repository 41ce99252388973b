using Analytics.Pipelines.Crm;
using static Analytics.Sources.Demo.Tests.SnapshotMeasures;

namespace Analytics.Sources.Demo.Tests;

/// <summary>
/// The realism targets of docs/demo-crm.md at scale 1, as of the end of the history. Tolerances leave room for
/// calibration changes, not for a different program.
/// </summary>
[Collection(DemoCrmAtScaleOneCollection.Name)]
public sealed class DemoCrmRealismTests(DemoCrmAtScaleOne demo)
{
    private readonly CrmSnapshotBuffer _snapshot = demo.AtHistoryEnd;
    private readonly DateOnly _asOf = DemoCrmAtScaleOne.HistoryEnd;

    [Fact]
    public void Scale_1_has_120_partners_12_managers_6000_accounts_and_about_24000_opportunities()
    {
        Assert.Equal(120, _snapshot.Partners.Count);
        Assert.Equal(12, _snapshot.Partners.Select(p => p.PartnerManagerEmail).Distinct().Count());
        Assert.Equal(6_000, _snapshot.Accounts.Count);
        Assert.InRange(_snapshot.Opportunities.Count, 21_000, 27_000);
    }

    [Fact]
    public void Opportunities_are_created_over_the_36_months_with_growth()
    {
        var byYear = _snapshot.Opportunities.GroupBy(o => (o.CreatedAt - new DateTime(2023, 11, 30, 0, 0, 0, DateTimeKind.Utc)).Days / 365).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(_snapshot.Opportunities.Min(o => o.CreatedAt) >= new DateTime(2023, 11, 30, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(byYear[2] > byYear[0] * 1.15, $"year 3 {byYear[2]} vs year 1 {byYear[0]}");
    }

    [Fact]
    public void Direct_is_about_half_of_opportunities_and_every_partner_motion_has_a_share()
    {
        Assert.InRange(MotionShare(_snapshot, "direct"), 0.45, 0.58);
        Assert.All(PartnerMotions, motion => Assert.InRange(MotionShare(_snapshot, motion), 0.03, 0.22));
    }

    [Fact]
    public void Most_opportunities_are_new_business_with_renewals_and_expansions()
    {
        Assert.InRange(TypeShare(_snapshot, "new_business"), 0.60, 0.78);
        Assert.InRange(TypeShare(_snapshot, "renewal"), 0.12, 0.30);
        Assert.InRange(TypeShare(_snapshot, "expansion"), 0.06, 0.20);
    }

    [Fact]
    public void Direct_new_business_wins_about_22_percent()
    {
        Assert.InRange(NewBusinessWinRate(_snapshot, "direct"), 0.195, 0.245);
    }

    [Theory]
    [InlineData("referral", 8)]
    [InlineData("reseller", 5)]
    [InlineData("marketplace", 3)]
    [InlineData("services", 10)]
    [InlineData("tech", 6)]
    public void Partner_motions_win_more_than_direct_by_their_margin(string motion, double points)
    {
        var delta = (NewBusinessWinRate(_snapshot, motion) - NewBusinessWinRate(_snapshot, "direct")) * 100;

        Assert.InRange(delta, Math.Max(0.5, points - 3), points + 3);
    }

    [Fact]
    public void Marketplace_deals_close_fastest_and_services_deals_slowest()
    {
        var direct = MedianCycleDays(_snapshot, "direct");

        Assert.True(MedianCycleDays(_snapshot, "marketplace") < 0.7 * direct);
        Assert.True(MedianCycleDays(_snapshot, "services") > 1.2 * direct);
        Assert.All(PartnerMotions, motion => Assert.True(MedianCycleDays(_snapshot, "marketplace") <= MedianCycleDays(_snapshot, motion)));
        Assert.All(PartnerMotions, motion => Assert.True(MedianCycleDays(_snapshot, "services") >= MedianCycleDays(_snapshot, motion)));
    }

    [Fact]
    public void Partner_deals_are_smaller_on_average()
    {
        Assert.InRange(MeanNewBusinessArr(_snapshot, partner: true) / MeanNewBusinessArr(_snapshot, partner: false), 0.35, 0.70);
    }

    [Fact]
    public void Partner_deals_arrive_warmer_and_leave_the_first_stage_sooner()
    {
        Assert.True(MedianFirstStageDays(_snapshot, partner: true) < 0.7 * MedianFirstStageDays(_snapshot, partner: false));
    }

    [Fact]
    public void Partner_touched_deals_are_about_35_percent_of_new_pipeline()
    {
        Assert.InRange(PartnerShareOfNewPipeline(_snapshot), 0.31, 0.39);
    }

    [Fact]
    public void Some_deals_have_several_partners_with_split_sourced_and_influenced_credit()
    {
        var rows = _snapshot.OpportunityPartners.GroupBy(p => p.OpportunityId).ToList();
        var several = rows.Where(g => g.Count() >= 2).ToList();

        Assert.InRange((double)several.Count / rows.Count, 0.04, 0.18);
        Assert.Contains(several, g => g.Any(p => p.Attribution == "sourced") && g.Any(p => p.Attribution == "influenced"));
        Assert.Contains(several, g => g.Count(p => p.Attribution == "sourced") >= 2);
    }

    [Fact]
    public void Deal_registrations_are_mostly_decided_within_48_hours_and_70_percent_approved()
    {
        Assert.InRange(ShareOfRegistrationsDecidedWithin(_snapshot, 48), 0.81, 0.89);
        Assert.InRange(RegistrationApprovalRate(_snapshot), 0.66, 0.74);
        Assert.True(_snapshot.DealRegistrations.Max(r => r.DecidedAt - r.SubmittedAt) > TimeSpan.FromDays(5), "no long tail");
    }

    [Fact]
    public void Declines_give_every_reason_and_protections_expire_or_get_extended()
    {
        Assert.Equal(CrmVocabulary.DeclineReasons.Order(), _snapshot.DealRegistrations.Select(r => r.DeclineReason).OfType<string>().Distinct().Order());
        var approved = _snapshot.DealRegistrations.Where(r => r.ProtectionStart is not null).ToList();
        Assert.InRange((double)approved.Count(r => r.Status == "expired") / approved.Count, 0.05, 0.30);
        Assert.InRange((double)approved.Count(r => r.ExtensionCount > 0) / approved.Count, 0.03, 0.25);
        Assert.Contains(approved, r => r.ProtectionEnd!.Value.DayNumber - r.ProtectionStart!.Value.DayNumber == 60);
        Assert.Contains(approved, r => r.ProtectionEnd!.Value.DayNumber - r.ProtectionStart!.Value.DayNumber == 90);
    }

    [Fact]
    public void Lead_registrations_get_a_first_response_mostly_within_24_hours()
    {
        Assert.InRange(ShareOfLeadsAnsweredWithin(_snapshot, 24), 0.80, 0.90);
        Assert.Contains(_snapshot.LeadRegistrations, l => l.Status == "declined");
        Assert.Contains(_snapshot.LeadRegistrations, l => l.ConvertedOpportunityId is not null);
    }

    [Fact]
    public void A_few_percent_of_accounts_have_conflicts_acknowledged_within_a_day_and_resolved_within_a_week()
    {
        Assert.InRange((double)_snapshot.Conflicts.Select(c => c.AccountId).Distinct().Count() / _snapshot.Accounts.Count, 0.015, 0.06);
        Assert.InRange(ShareOfConflictsAcknowledgedWithin(_snapshot, 24), 0.78, 0.92);
        Assert.InRange(ShareOfConflictsResolvedWithinFiveBusinessDays(_snapshot, _asOf), 0.68, 0.90);
        Assert.Equal(CrmVocabulary.ConflictTypes.Order(), _snapshot.Conflicts.Select(c => c.ConflictType).Distinct().Order());
    }

    [Fact]
    public void Conflicts_show_up_as_duplicate_registrations_overlapping_protections_and_parallel_deals()
    {
        var declinedDuplicates = _snapshot.DealRegistrations.Count(r => r.DeclineReason == "duplicate");
        var directAndPartnerOpenTogether = _snapshot.Opportunities
            .Where(o => !o.IsClosed || o.ConflictStatus != "none")
            .GroupBy(o => o.AccountId)
            .Count(g => g.Any(o => o.Motion == "direct") && g.Any(o => o.Motion is not null && o.Motion != "direct"));

        Assert.True(declinedDuplicates > 0);
        Assert.Contains(_snapshot.Conflicts, c => c.Cause == "duplicate_registration");
        Assert.True(directAndPartnerOpenTogether > 0);
        Assert.Contains(_snapshot.Opportunities, o => o.ConflictStatus == "active");
    }

    [Fact]
    public void Hygiene_problems_occur_at_believable_rates_in_open_partner_deals()
    {
        Assert.InRange(ShareMissingAttribution(_snapshot), 0.01, 0.07);
        Assert.InRange(ShareOpenResellerWithoutRegistration(_snapshot), 0.05, 0.20);
        Assert.InRange(ShareWithStaleNextStep(_snapshot, _asOf, 7), 0.15, 0.25);
        Assert.InRange(ShareWithoutRecentActivity(_snapshot, _asOf, 14), 0.11, 0.19);
    }

    [Fact]
    public void Partners_are_mostly_registered_some_select_few_elite_and_a_few_offboarded()
    {
        var tiers = _snapshot.Partners.GroupBy(p => p.Tier).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(tiers["registered"] > tiers["select"] && tiers["select"] > tiers["elite"] && tiers["elite"] >= 1);
        Assert.InRange(_snapshot.Partners.Count(p => p.Status == "offboarded"), 1, 12);
        Assert.True(_snapshot.Partners.Select(p => p.Region).Distinct().Count() >= 4);
        Assert.True(_snapshot.Partners.Select(p => p.Vertical).Distinct().Count() >= 6);
    }

    [Fact]
    public void Certifications_expire_so_some_have_lapsed()
    {
        var cutoff = DemoCrmAtScaleOne.CutoffOf(_asOf);

        Assert.Contains(_snapshot.Certifications, c => c.ExpiresAt < cutoff);
        Assert.Contains(_snapshot.Certifications, c => c.ExpiresAt >= cutoff);
    }

    [Fact]
    public void Csat_is_skewed_positive()
    {
        var counts = _snapshot.CsatResponses.GroupBy(c => c.Score).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(_snapshot.CsatResponses.Average(c => c.Score), 3.8, 4.3);
        Assert.True(counts[5] > counts[4] && counts[4] > counts[3] && counts[3] > counts[1]);
    }

    [Theory]
    [InlineData("tech", "validated_integration,case_study")]
    [InlineData("services", "sow,packaged_service,case_study")]
    [InlineData("referral", "case_study,marketplace_review")]
    [InlineData("reseller", "case_study,marketplace_review")]
    [InlineData("marketplace", "case_study,marketplace_review")]
    public void Proofs_fit_the_partner_type(string partnerType, string proofTypes)
    {
        var partners = _snapshot.Partners.Where(p => p.PartnerType == partnerType).Select(p => p.PartnerId).ToHashSet();

        var types = _snapshot.PartnerProofs.Where(p => partners.Contains(p.PartnerId)).Select(p => p.ProofType).Distinct();

        Assert.Equal(proofTypes.Split(',').Order(), types.Order());
    }
}
