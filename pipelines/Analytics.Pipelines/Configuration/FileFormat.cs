namespace Analytics.Pipelines.Configuration;

/// <summary>File formats the drop folder may hold.</summary>
public enum FileFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
