namespace Analytics.Pipelines.Configuration;

/// <summary>One entity's file in the drop folder.</summary>
/// <param name="File">File name inside the folder.</param>
/// <param name="Format">File format.</param>
/// <param name="Columns">Canonical column name → the file's column name, for columns named differently.</param>
public sealed record EntityFileConfig(string File, FileFormat Format, IReadOnlyDictionary<string, string> Columns);
