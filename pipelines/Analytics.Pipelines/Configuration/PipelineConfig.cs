namespace Analytics.Pipelines.Configuration;

/// <summary>The whole of pipeline.yaml, validated. Paths are absolute (resolved against the file's folder).</summary>
/// <param name="File">The configuration file it was read from.</param>
/// <param name="Source">Where the CRM data comes from.</param>
/// <param name="Paths">Where each stage writes.</param>
/// <param name="Extract">Extract and landing settings.</param>
/// <param name="Backfill">Defaults of <c>analytics backfill</c> and of the first <c>analytics run</c>.</param>
/// <param name="Fiscal">Fiscal calendar.</param>
public sealed record PipelineConfig(
    string File,
    SourceConfig Source,
    PathsConfig Paths,
    ExtractConfig Extract,
    BackfillConfig Backfill,
    FiscalConfig Fiscal);

/// <summary>The <c>source:</c> section: which kind, and the settings of each kind.</summary>
/// <param name="Kind">The source the nightly extract uses.</param>
/// <param name="Demo">Settings of the built-in demo CRM.</param>
/// <param name="Files">Settings of the file-drop source.</param>
public sealed record SourceConfig(SourceKind Kind, DemoSourceConfig Demo, FileDropConfig Files);

/// <summary>The kinds of CRM source.</summary>
public enum SourceKind
{
    /// <summary>The built-in, deterministic demo CRM.</summary>
    Demo,

    /// <summary>CSV, JSON-lines or Parquet files dropped in a folder.</summary>
    Files,
}

/// <summary><c>source.demo</c>: the generator's seed and scale.</summary>
/// <param name="Seed">Random seed: the same seed gives byte-identical snapshots.</param>
/// <param name="Scale">Size multiplier: 1 is about 24,000 opportunities, 41.7 about 1,000,000.</param>
/// <param name="HistoryEnd">The last day the demo CRM creates anything; it was live for 36 months before it.</param>
public sealed record DemoSourceConfig(int Seed, double Scale, DateOnly HistoryEnd);

/// <summary><c>paths:</c>.</summary>
/// <param name="Lake">Root of the Parquet lake (raw/, quarantine/, manifests/).</param>
/// <param name="Warehouse">The DuckDB warehouse file.</param>
/// <param name="Reports">QBR packs.</param>
/// <param name="Outbox">Emails written as .eml files.</param>
/// <param name="Runs">Run history.</param>
public sealed record PathsConfig(string Lake, string Warehouse, string Reports, string Outbox, string Runs);

/// <summary><c>extract:</c>.</summary>
/// <param name="QuarantineThreshold">Largest share (0-1) of an entity's rows that may be quarantined before the extract fails.</param>
/// <param name="MaxTextLength">Longest accepted text value, in characters; longer values are quarantined.</param>
public sealed record ExtractConfig(double QuarantineThreshold, int MaxTextLength);

/// <summary><c>backfill:</c>.</summary>
/// <param name="Months">How many months of history the first run lands.</param>
/// <param name="Every">Spacing of backfilled snapshots.</param>
public sealed record BackfillConfig(int Months, SnapshotCadence Every);

/// <summary>Spacing of snapshots in a backfill.</summary>
public enum SnapshotCadence
{
    /// <summary>One snapshot a day.</summary>
    Day,

    /// <summary>One snapshot every seven days, ending on the last date.</summary>
    Week,
}

/// <summary><c>fiscal:</c>.</summary>
/// <param name="YearStartMonth">First month (1-12) of the fiscal year.</param>
public sealed record FiscalConfig(int YearStartMonth);
