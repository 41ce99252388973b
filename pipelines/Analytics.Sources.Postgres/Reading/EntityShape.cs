namespace Analytics.Sources.Postgres.Reading;

/// <summary>What an entity's query yields, checked against the canonical schema before any row is read.</summary>
/// <param name="Columns">The canonical columns present, in schema order (an optional column the query lacks is absent: null).</param>
/// <param name="Problems">Why it cannot be read: a required column missing, a type that cannot feed its column; empty when it can.</param>
/// <param name="Ignored">Result columns that are not canonical (read by no one).</param>
internal sealed record EntityShape(IReadOnlyList<ShapeColumn> Columns, IReadOnlyList<string> Problems, IReadOnlyList<string> Ignored);
