using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// One opportunity's whole life, from creation to close, as a set of time-stamped events. A snapshot shows the
/// state these events produce up to its cut-off (<see cref="AccountSnapshotWriter"/>).
/// </summary>
internal sealed class OpportunityLife
{
    public const int NewBusiness = 0;
    public const int Renewal = 1;
    public const int Expansion = 2;

    public required string Id { get; init; }

    /// <summary>0 new_business, 1 renewal, 2 expansion.</summary>
    public required int Type { get; init; }

    /// <summary>The true motion (index into <see cref="MotionStages.Motions"/>).</summary>
    public required int Motion { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required decimal Arr { get; init; }

    public required string Name { get; init; }

    public required SalesRep Owner { get; init; }

    public PartnerProfile? PrimaryPartner { get; init; }

    /// <summary>When the seller filled in the motion; after creation it is a hygiene gap, <see cref="DateTime.MaxValue"/> if never.</summary>
    public DateTime MotionRecordedAt { get; set; }

    public string? DealRegistrationId { get; set; }

    public List<StageEntry> Stages { get; } = [];

    public List<ActivityEvent> Activities { get; } = [];

    public List<NextStepUpdate> NextSteps { get; } = [];

    public List<CloseDateChange> CloseDates { get; } = [];

    public List<PartnerRowLife> PartnerRows { get; } = [];

    public List<ConflictStatusChange> ConflictStatuses { get; } = [];

    public DateTime? ClosedAt { get; private set; }

    public bool Won { get; private set; }

    public string? LostReason { get; private set; }

    public bool IsPartnerMotion => Motion != MotionProfile.Direct;

    /// <summary>True when the opportunity exists and is open at <paramref name="at"/>.</summary>
    public bool IsOpenAt(DateTime at) => CreatedAt <= at && (ClosedAt is null || at < ClosedAt);

    /// <summary>The instant the opportunity stops being open (its close, or never).</summary>
    public DateTime OpenUntil => ClosedAt ?? DateTime.MaxValue;

    public void Close(DateTime at, bool won, string? lostReason)
    {
        Stages.Add(new StageEntry(at, won ? MotionStages.ClosedWonIndex : MotionStages.ClosedLostIndex));
        ClosedAt = at;
        Won = won;
        LostReason = won ? null : lostReason;
    }

    /// <summary>
    /// Closes the opportunity as lost at <paramref name="at"/>, dropping every later event of its original life (a
    /// conflict resolution that takes the deal away). Does nothing when it closed before <paramref name="at"/>.
    /// </summary>
    public void CloseLostEarly(DateTime at, string lostReason)
    {
        if (ClosedAt < at || at <= CreatedAt)
        {
            return;
        }

        Stages.RemoveAll(entry => entry.At >= at);
        Activities.RemoveAll(activity => activity.At >= at);
        NextSteps.RemoveAll(update => update.At >= at);
        CloseDates.RemoveAll(change => change.At >= at);
        PartnerRows.RemoveAll(row => row.AddedAt >= at);
        Close(at, won: false, lostReason);
    }
}
