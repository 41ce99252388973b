namespace Analytics.Pipelines.Warehouse;

/// <summary>One DuckDB database file opened by <see cref="DuckDbFile"/> (its <see cref="DuckDbFile.Opening"/> event).</summary>
/// <param name="Path">The database file, absolute.</param>
/// <param name="ReadOnly">Whether it was opened read-only.</param>
public sealed record DuckDbOpening(string Path, bool ReadOnly);
