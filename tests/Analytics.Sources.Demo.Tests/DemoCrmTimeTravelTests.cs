using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Crm;

namespace Analytics.Sources.Demo.Tests;

/// <summary>Snapshots are the CRM as it stood at the end of their day: nothing later, and later snapshots continue earlier ones.</summary>
[Collection(DemoCrmAtScaleOneCollection.Name)]
public sealed class DemoCrmTimeTravelTests(DemoCrmAtScaleOne demo)
{
    private readonly CrmSnapshotBuffer _earlier = demo.AtMidYear;
    private readonly CrmSnapshotBuffer _later = demo.AtMonthAfterMidYear;
    private readonly DateTime _earlierCutoff = DemoCrmAtScaleOne.CutoffOf(DemoCrmAtScaleOne.MidYear);

    [Fact]
    public void No_timestamp_in_a_snapshot_lies_after_its_date()
    {
        // expires_at is the one timestamp that is a schedule, not an event: a certification may expire next year.
        var late = AllValues(_earlier)
            .Where(v => v.Column.Type == CrmColumnType.Timestamp && v.Column.Name != "expires_at" && v.Value is DateTime at && at >= _earlierCutoff)
            .Select(v => $"{v.Entity}.{v.Column.Name}")
            .Distinct();

        Assert.Empty(late);
    }

    [Fact]
    public void Dates_that_record_events_lie_on_or_before_the_snapshot_date()
    {
        var asOf = DemoCrmAtScaleOne.MidYear;

        Assert.All(_earlier.Opportunities.Where(o => o.IsClosed), o => Assert.True(o.CloseDate <= asOf));
        Assert.All(_earlier.DealRegistrations.Where(r => r.ProtectionStart is not null), r => Assert.True(r.ProtectionStart <= asOf));
    }

    [Fact]
    public void Every_timestamp_is_utc()
    {
        Assert.All(AllValues(_earlier).Where(v => v.Value is DateTime), v => Assert.Equal(DateTimeKind.Utc, ((DateTime)v.Value!).Kind));
    }

    [Fact]
    public void Nothing_disappears_between_consecutive_snapshots()
    {
        Assert.All(CrmSchema.Entities, entity =>
        {
            var later = _later.RecordsOf(entity.Name).Select(RecordKeys.Of).ToHashSet();
            Assert.All(_earlier.RecordsOf(entity.Name), r => Assert.Contains(RecordKeys.Of(r), later));
        });
    }

    [Fact]
    public void Rows_that_never_change_are_identical_in_the_later_snapshot()
    {
        Assert.Subset(_later.StageHistory.ToHashSet(), _earlier.StageHistory.ToHashSet());
        Assert.Subset(_later.Activities.ToHashSet(), _earlier.Activities.ToHashSet());
        Assert.Subset(_later.CsatResponses.ToHashSet(), _earlier.CsatResponses.ToHashSet());
        Assert.Subset(_later.PartnerProofs.ToHashSet(), _earlier.PartnerProofs.ToHashSet());
        Assert.Subset(_later.Certifications.ToHashSet(), _earlier.Certifications.ToHashSet());
    }

    [Fact]
    public void A_closed_opportunity_stays_closed_with_the_same_outcome()
    {
        var later = _later.Opportunities.ToDictionary(o => o.OpportunityId);

        // Only hygiene fields may still change after the close (RevOps filling in a blank motion).
        Assert.All(_earlier.Opportunities.Where(o => o.IsClosed), o => Assert.Equal(o with { Motion = null, ConflictStatus = "none" }, later[o.OpportunityId] with { Motion = null, ConflictStatus = "none" }));
        Assert.All(_earlier.Opportunities.Where(o => o.IsClosed && o.Motion is not null), o => Assert.Equal(o.Motion, later[o.OpportunityId].Motion));
    }

    [Fact]
    public void An_open_opportunity_later_is_in_the_same_or_a_later_stage_or_closed()
    {
        var later = _later.Opportunities.ToDictionary(o => o.OpportunityId);

        Assert.All(_earlier.Opportunities.Where(o => !o.IsClosed), o =>
        {
            var then = later[o.OpportunityId];
            Assert.True(then.IsClosed || then.StageIndex >= o.StageIndex);
            Assert.Equal((o.AccountId, o.CreatedAt, o.Arr, o.OpportunityType, o.DealRegistrationId), (then.AccountId, then.CreatedAt, then.Arr, then.OpportunityType, then.DealRegistrationId));
            Assert.True(then.LastActivityAt >= o.LastActivityAt || o.LastActivityAt is null);
            Assert.True(then.NextStepUpdatedAt >= o.NextStepUpdatedAt || o.NextStepUpdatedAt is null);
        });
    }

    [Fact]
    public void Stage_history_at_an_earlier_date_is_a_prefix_of_the_later_one()
    {
        var later = _later.StageHistory.ToLookup(e => e.OpportunityId);

        Assert.All(_earlier.StageHistory.GroupBy(e => e.OpportunityId), history =>
            Assert.Equal(history, later[history.Key].Take(history.Count())));
    }

    [Fact]
    public void An_opportunity_closed_after_the_date_appears_open_in_the_stage_it_was_in_then()
    {
        var closedLater = _later.Opportunities.Where(o => o.ClosedAt >= _earlierCutoff).Select(o => o.OpportunityId).ToHashSet();
        var lastStageThen = _earlier.StageHistory.GroupBy(e => e.OpportunityId).ToDictionary(g => g.Key, g => g.Last());

        var earlier = _earlier.Opportunities.Where(o => closedLater.Contains(o.OpportunityId)).ToList();

        Assert.NotEmpty(earlier);
        Assert.All(earlier, o =>
        {
            Assert.False(o.IsClosed);
            Assert.Null(o.ClosedAt);
            Assert.Equal(lastStageThen[o.OpportunityId].StageIndex, o.StageIndex);
        });
    }

    [Fact]
    public void A_registration_decided_after_the_date_is_pending_then()
    {
        var decidedLater = _later.DealRegistrations.Where(r => r.DecidedAt >= _earlierCutoff).Select(r => r.RegistrationId).ToHashSet();

        var earlier = _earlier.DealRegistrations.Where(r => decidedLater.Contains(r.RegistrationId)).ToList();

        Assert.NotEmpty(earlier);
        Assert.All(earlier, r => Assert.Equal(("pending", null, null, null), (r.Status, r.DecidedAt, r.DeclineReason, r.ProtectionEnd)));
    }

    [Fact]
    public void A_registration_only_moves_forward_in_its_life()
    {
        var later = _later.DealRegistrations.ToDictionary(r => r.RegistrationId);
        string[] settled = ["declined", "expired", "converted"];

        Assert.All(_earlier.DealRegistrations, r =>
        {
            var then = later[r.RegistrationId];
            if (settled.Contains(r.Status))
            {
                Assert.Equal(r with { ExtensionCount = then.ExtensionCount, ProtectionEnd = then.ProtectionEnd }, then);
            }
            else if (r.Status == "approved")
            {
                Assert.Contains(then.Status, (string[])["approved", "converted", "expired"]);
            }

            Assert.True(then.ExtensionCount >= r.ExtensionCount);
            Assert.True(r.DecidedAt is null || then.DecidedAt == r.DecidedAt);
            Assert.True(r.ProtectionEnd is null || then.ProtectionEnd >= r.ProtectionEnd);
        });
    }

    [Fact]
    public void Leads_and_conflicts_keep_what_had_happened()
    {
        var leads = _later.LeadRegistrations.ToDictionary(l => l.LeadId);
        var conflicts = _later.Conflicts.ToDictionary(c => c.ConflictId);

        Assert.All(_earlier.LeadRegistrations, l =>
        {
            var then = leads[l.LeadId];
            Assert.True(l.FirstResponseAt is null || then.FirstResponseAt == l.FirstResponseAt);
            Assert.True(l.DecidedAt is null || (then.DecidedAt, then.Status) == (l.DecidedAt, l.Status));
            Assert.True(l.ConvertedOpportunityId is null || then.ConvertedOpportunityId == l.ConvertedOpportunityId);
        });
        Assert.All(_earlier.Conflicts, c =>
        {
            var then = conflicts[c.ConflictId];
            Assert.True(c.AcknowledgedAt is null || then.AcknowledgedAt == c.AcknowledgedAt);
            Assert.True(c.ResolvedAt is null || then == c);
        });
    }

    [Fact]
    public void Partners_keep_their_history()
    {
        var later = _later.Partners.ToDictionary(p => p.PartnerId);

        Assert.All(_earlier.Partners, p =>
        {
            var then = later[p.PartnerId];
            Assert.Equal((p.JoinedAt, p.Tier, p.PartnerType), (then.JoinedAt, then.Tier, then.PartnerType));
            Assert.True(p.Status == "active" || then == p);
        });
    }

    private static IEnumerable<(string Entity, ColumnSchema Column, object? Value)> AllValues(CrmSnapshotBuffer snapshot) =>
        CrmSchema.Entities.SelectMany(entity => snapshot.RecordsOf(entity.Name).SelectMany(record =>
            CollectingRowWriter.ValuesOf(record).Select((value, i) => (entity.Name, entity.Columns[i], value.Value))));
}
