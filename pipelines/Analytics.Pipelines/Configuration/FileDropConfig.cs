namespace Analytics.Pipelines.Configuration;

/// <summary><c>source.files</c>: a folder of files, one per canonical entity.</summary>
/// <param name="Folder">The drop folder.</param>
/// <param name="Format">Default file format.</param>
/// <param name="Delimiter">CSV field separator.</param>
/// <param name="DateFormat">Exact format of dates (.NET custom format, invariant culture); null accepts ISO 8601 (yyyy-MM-dd).</param>
/// <param name="TimestampFormat">Exact format of timestamps; null accepts ISO 8601 with Z, an offset, or no offset (taken as UTC).</param>
/// <param name="Entities">Per-entity file name, format and column mapping; entities not listed use <c>&lt;entity&gt;.&lt;format&gt;</c> and canonical column names.</param>
public sealed record FileDropConfig(
    string Folder,
    FileFormat Format,
    char Delimiter,
    string? DateFormat,
    string? TimestampFormat,
    IReadOnlyDictionary<string, EntityFileConfig> Entities);
