using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;

namespace Analytics.Sources.Demo.Tests;

/// <summary>
/// The default demo CRM (seed 42, scale 1) and three of its snapshots, generated once for every test class of the
/// <see cref="DemoCrmAtScaleOneCollection"/> (a few seconds in all).
/// </summary>
public sealed class DemoCrmAtScaleOne
{
    /// <summary>The default end of the history.</summary>
    public static readonly DateOnly HistoryEnd = new(2026, 11, 30);

    /// <summary>A date with a full pipeline open, the start of the 30-day stall window.</summary>
    public static readonly DateOnly MidYear = new(2026, 6, 30);

    public static readonly DateOnly MonthAfterMidYear = MidYear.AddDays(30);

    public DemoCrmAtScaleOne()
    {
        Crm = new DemoCrm(new DemoCrmOptions());
        AtHistoryEnd = Crm.Snapshot(HistoryEnd);
        AtMidYear = Crm.Snapshot(MidYear);
        AtMonthAfterMidYear = Crm.Snapshot(MonthAfterMidYear);
    }

    public DemoCrm Crm { get; }

    public CrmSnapshotBuffer AtHistoryEnd { get; }

    public CrmSnapshotBuffer AtMidYear { get; }

    public CrmSnapshotBuffer AtMonthAfterMidYear { get; }

    /// <summary>The first instant after the end of <paramref name="asOf"/> (UTC).</summary>
    public static DateTime CutoffOf(DateOnly asOf) => asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

[CollectionDefinition(Name)]
public sealed class DemoCrmAtScaleOneCollection : ICollectionFixture<DemoCrmAtScaleOne>
{
    public const string Name = "demo CRM at scale 1";
}
