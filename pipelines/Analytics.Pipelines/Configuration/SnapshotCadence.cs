namespace Analytics.Pipelines.Configuration;

/// <summary>Spacing of snapshots in a backfill.</summary>
public enum SnapshotCadence
{
    /// <summary>One snapshot a day.</summary>
    Day,

    /// <summary>One snapshot every seven days, ending on the last date.</summary>
    Week,
}
