using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Crm;

namespace Analytics.Sources.Demo.Tests;

/// <summary>Every record of a full snapshot obeys the canonical schema and the domain's rules.</summary>
[Collection(DemoCrmAtScaleOneCollection.Name)]
public sealed class DemoCrmIntegrityTests(DemoCrmAtScaleOne demo)
{
    private readonly CrmSnapshotBuffer _snapshot = demo.AtHistoryEnd;

    public static TheoryData<string> EntityNames => new(CrmSchema.Entities.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Every_record_writes_its_schema_columns_with_their_types_and_required_values(string entity)
    {
        var schema = CrmSchema.Entity(entity);
        var records = _snapshot.RecordsOf(entity);

        Assert.NotEmpty(records);
        Assert.All(records, record =>
        {
            var values = CollectingRowWriter.ValuesOf(record);
            Assert.Equal(schema.Columns.Select(c => c.Type), values.Select(v => v.Type));
            Assert.All(schema.Columns.Zip(values), pair => Assert.True(!pair.First.Required || pair.Second.Value is not null, $"{entity}.{pair.First.Name} is null"));
        });
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Enum_like_columns_hold_only_accepted_values(string entity)
    {
        var schema = CrmSchema.Entity(entity);
        var checkedColumns = schema.Columns.Select((column, index) => (column, index)).Where(c => c.column.AcceptedValues is not null).ToList();

        var unexpected = _snapshot.RecordsOf(entity)
            .SelectMany(record => checkedColumns.Select(c => (c.column, value: CollectingRowWriter.ValuesOf(record)[c.index].Value as string)))
            .Where(v => v.value is not null && !v.column.AcceptedValues!.Contains(v.value))
            .Select(v => $"{v.column.Name}={v.value}")
            .Distinct();

        Assert.Empty(unexpected);
    }

    [Theory]
    [MemberData(nameof(EntityNames))]
    public void Primary_keys_are_unique(string entity)
    {
        var keys = _snapshot.RecordsOf(entity).Select(RecordKeys.Of).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void References_point_at_records_of_the_same_snapshot()
    {
        var partners = _snapshot.Partners.Select(p => p.PartnerId).ToHashSet();
        var accounts = _snapshot.Accounts.Select(a => a.AccountId).ToHashSet();
        var opportunities = _snapshot.Opportunities.Select(o => o.OpportunityId).ToHashSet();
        var registrations = _snapshot.DealRegistrations.Select(r => r.RegistrationId).ToHashSet();

        Assert.All(_snapshot.Accounts, a => Assert.True(a.IncumbentPartnerId is null || partners.Contains(a.IncumbentPartnerId)));
        Assert.All(_snapshot.Opportunities, o => Assert.Contains(o.AccountId, accounts));
        Assert.All(_snapshot.Opportunities, o => Assert.True(o.DealRegistrationId is null || registrations.Contains(o.DealRegistrationId)));
        Assert.All(_snapshot.OpportunityPartners, p => Assert.True(opportunities.Contains(p.OpportunityId) && partners.Contains(p.PartnerId)));
        Assert.All(_snapshot.StageHistory, e => Assert.Contains(e.OpportunityId, opportunities));
        Assert.All(_snapshot.Activities, a => Assert.True(opportunities.Contains(a.OpportunityId) && (a.PartnerId is null || partners.Contains(a.PartnerId))));
        Assert.All(_snapshot.DealRegistrations, r => Assert.True(partners.Contains(r.PartnerId)
            && (r.AccountId is null || accounts.Contains(r.AccountId)) && (r.OpportunityId is null || opportunities.Contains(r.OpportunityId))));
        Assert.All(_snapshot.LeadRegistrations, l => Assert.True(partners.Contains(l.PartnerId)
            && (l.ConvertedOpportunityId is null || opportunities.Contains(l.ConvertedOpportunityId))));
        Assert.All(_snapshot.Certifications, c => Assert.Contains(c.PartnerId, partners));
        Assert.All(_snapshot.CsatResponses, c => Assert.True(partners.Contains(c.PartnerId) && accounts.Contains(c.AccountId)));
        Assert.All(_snapshot.PartnerProofs, p => Assert.Contains(p.PartnerId, partners));
        Assert.All(_snapshot.Conflicts, c => Assert.Contains(c.AccountId, accounts));
    }

    [Fact]
    public void Opportunities_follow_the_stage_encoding()
    {
        Assert.All(_snapshot.Opportunities, o =>
        {
            Assert.Equal(o.StageIndex is 0 or 6, o.IsClosed);
            Assert.Equal(o.StageIndex == 6, o.IsWon);
            Assert.Equal(o.IsClosed, o.ClosedAt is not null);
            Assert.Equal(o.IsClosed && !o.IsWon, o.LostReason is not null);
            if (o.Motion is not null)
            {
                Assert.Equal(MotionStages.StageAt(o.Motion, o.StageIndex), o.Stage);
            }

            if (o.ClosedAt is { } closedAt)
            {
                Assert.Equal(DateOnly.FromDateTime(closedAt), o.CloseDate);
                Assert.True(o.LastActivityAt is null || o.LastActivityAt <= closedAt);
            }

            Assert.True(o.Arr > 0 && decimal.Round(o.Arr, 2) == o.Arr);
        });
    }

    [Fact]
    public void Stage_history_climbs_one_stage_at_a_time_and_ends_in_the_current_stage()
    {
        var current = _snapshot.Opportunities.ToDictionary(o => o.OpportunityId);

        Assert.All(_snapshot.StageHistory.GroupBy(e => e.OpportunityId), history =>
        {
            var entries = history.ToList();
            Assert.Equal(entries.OrderBy(e => e.EnteredAt), entries);
            Assert.Equal(current[history.Key].CreatedAt, entries[0].EnteredAt);
            var open = entries.TakeWhile(e => e.StageIndex is >= 1 and <= 5).Select(e => e.StageIndex);
            Assert.Equal(Enumerable.Range(1, open.Count()), open);
            Assert.Equal(current[history.Key].StageIndex, entries[^1].StageIndex);
            Assert.Equal(current[history.Key].Stage, entries[^1].Stage);
        });
    }

    [Fact]
    public void Attribution_percentages_sum_to_100_within_each_attribution_of_an_opportunity()
    {
        var groups = _snapshot.OpportunityPartners.Where(p => p.Attribution is not null).GroupBy(p => (p.OpportunityId, p.Attribution)).ToList();

        Assert.All(groups, group => Assert.Equal(100m, group.Sum(p => p.AttributionPct!.Value)));
        Assert.All(_snapshot.OpportunityPartners, p => Assert.True(p.Attribution is null ? p.AttributionPct is null : p.AttributionPct is > 0 and <= 100));
        Assert.Contains(groups, g => g.Count() >= 2);
    }

    [Fact]
    public void Registration_fields_match_their_status()
    {
        Assert.All(_snapshot.DealRegistrations, r =>
        {
            var approved = r.Status is "approved" or "converted" or "expired";
            Assert.Equal(r.Status != "pending", r.DecidedAt is not null);
            Assert.Equal(r.Status == "declined", r.DeclineReason is not null);
            Assert.Equal(r.Status == "converted", r.OpportunityId is not null);
            Assert.Equal(approved, r.ProtectionStart is not null && r.ProtectionEnd is not null);
            if (approved)
            {
                var days = r.ProtectionEnd!.Value.DayNumber - r.ProtectionStart!.Value.DayNumber - (30 * r.ExtensionCount);
                Assert.InRange(days, 60, 90);
                Assert.Equal(DateOnly.FromDateTime(r.DecidedAt!.Value), r.ProtectionStart);
            }

            Assert.True(r.SubmittedAt <= r.DecidedAt || r.DecidedAt is null);
        });
    }

    [Fact]
    public void Leads_happen_in_order_submission_response_decision()
    {
        Assert.All(_snapshot.LeadRegistrations, l =>
        {
            Assert.True(l.FirstResponseAt is null || l.SubmittedAt <= l.FirstResponseAt);
            Assert.True(l.DecidedAt is null || l.FirstResponseAt <= l.DecidedAt);
            Assert.Equal(l.Status != "pending", l.DecidedAt is not null);
            Assert.True(l.ConvertedOpportunityId is null || l.Status == "approved");
        });
    }

    [Fact]
    public void Conflicts_are_acknowledged_and_resolved_after_they_open()
    {
        Assert.All(_snapshot.Conflicts, c =>
        {
            Assert.True(c.AcknowledgedAt is null || c.OpenedAt <= c.AcknowledgedAt);
            Assert.True(c.ResolvedAt is null || c.OpenedAt <= c.ResolvedAt);
            Assert.Equal(c.ResolvedAt is not null, c.Resolution is not null);
        });
    }

    [Fact]
    public void Account_names_and_domains_are_distinct()
    {
        Assert.Equal(_snapshot.Accounts.Count, _snapshot.Accounts.Select(a => a.Name).Distinct().Count());
        Assert.Equal(_snapshot.Accounts.Count, _snapshot.Accounts.Select(a => a.Domain).Distinct().Count());
        Assert.Equal(_snapshot.Partners.Count, _snapshot.Partners.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void Sellers_and_partner_managers_are_different_people()
    {
        var managers = _snapshot.Partners.Select(p => p.PartnerManagerEmail).ToHashSet();

        Assert.DoesNotContain(_snapshot.Opportunities, o => managers.Contains(o.OwnerEmail));
        Assert.DoesNotContain(_snapshot.Accounts, a => managers.Contains(a.OwnerEmail));
    }

    [Fact]
    public void Csat_scores_are_between_1_and_5()
    {
        Assert.All(_snapshot.CsatResponses, c => Assert.InRange(c.Score, 1, 5));
    }

    [Fact]
    public void Certifications_are_earned_after_the_partner_joined_and_expire_later()
    {
        var joined = _snapshot.Partners.ToDictionary(p => p.PartnerId, p => p.JoinedAt);

        Assert.All(_snapshot.Certifications, c => Assert.True(joined[c.PartnerId] <= c.EarnedAt && c.EarnedAt < c.ExpiresAt));
    }
}
