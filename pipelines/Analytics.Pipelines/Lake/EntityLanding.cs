namespace Analytics.Pipelines.Lake;

/// <summary>One entity of a landed snapshot. Read = Landed + Quarantined, always.</summary>
/// <param name="Entity">Canonical entity name.</param>
/// <param name="Read">Records read from the source.</param>
/// <param name="Landed">Rows written to the raw partition.</param>
/// <param name="Quarantined">Rows written to the quarantine partition instead.</param>
/// <param name="File">The raw partition's data file, relative to the lake root.</param>
/// <param name="Sha256">SHA-256 of that file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="WriteMilliseconds">Time to write the Parquet file.</param>
public sealed record EntityLanding(
    string Entity,
    long Read,
    long Landed,
    long Quarantined,
    string File,
    string Sha256,
    long Bytes,
    long WriteMilliseconds);
