using NpgsqlTypes;

namespace Analytics.TestSupport.Postgres.InHouseCrm;

/// <summary>
/// Where one canonical entity lives in the in-house CRM: its table and, in the canonical column order, the table's
/// column for each canonical column, with how a canonical value is written there when it is not written as is.
/// </summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="Table">The table (schema-qualified).</param>
/// <param name="Columns">The table's columns, one per canonical column, in canonical order.</param>
/// <param name="Conversions">Per table column whose type differs from the canonical one: its type and the conversion.</param>
public sealed record InHouseTable(
    string Entity,
    string Table,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<string, (NpgsqlDbType Type, Func<object?, object?> Convert)> Conversions);
