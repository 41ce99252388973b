using Analytics.Pipelines.Crm;
using Npgsql.PostgresTypes;

namespace Analytics.Sources.Postgres.Reading;

/// <summary>
/// Which PostgreSQL types may feed each canonical column type. A text column may feed any of them: its values are then
/// parsed one by one and a bad one is quarantined with its record id. Any other type must fit without loss or guessing
/// (a timestamp never feeds a date; a number never feeds a boolean), or the whole read is refused before a row lands.
/// </summary>
internal static class ColumnTypes
{
    private static readonly HashSet<string> TextLike = new(StringComparer.Ordinal) { "text", "varchar", "bpchar", "name", "citext", "unknown" };
    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal) { "int2", "int4", "int8" };

    /// <summary>The type's name as PostgreSQL's catalog has it (a domain's base type; <c>enum</c> for any enum).</summary>
    public static string InternalName(PostgresType type) => type switch
    {
        PostgresDomainType domain => InternalName(domain.BaseType),
        PostgresEnumType => "enum",
        _ => type.InternalName,
    };

    /// <summary>How a column of <paramref name="type"/> is read for <paramref name="column"/>, or null when it cannot feed it.</summary>
    public static ReadAs? Accepts(ColumnSchema column, PostgresType type)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = InternalName(type);
        if (TextLike.Contains(name))
        {
            return ReadAs.Text;
        }

        var fits = column.Type switch
        {
            CrmColumnType.Text => Integers.Contains(name) || name is "uuid" or "enum",
            CrmColumnType.Integer => Integers.Contains(name),
            CrmColumnType.Decimal => Integers.Contains(name) || name is "numeric" or "float4" or "float8",
            CrmColumnType.Boolean => name == "bool",
            CrmColumnType.Date => name == "date",
            CrmColumnType.Timestamp => name is "timestamptz" or "timestamp",
            _ => false,
        };
        return !fits ? null : column.Type switch
        {
            CrmColumnType.Date => ReadAs.Date,
            CrmColumnType.Timestamp => ReadAs.Timestamp,
            _ => ReadAs.Text,
        };
    }

    /// <summary>The types a column of <paramref name="type"/> accepts, in PostgreSQL's words, for messages.</summary>
    public static string Expected(CrmColumnType type) => type switch
    {
        CrmColumnType.Text => "text (text, varchar, char, an enum, uuid or an integer id)",
        CrmColumnType.Integer => "a whole number (smallint, integer, bigint) or text",
        CrmColumnType.Decimal => "a number (numeric, an integer type, real, double precision) or text",
        CrmColumnType.Boolean => "boolean or text",
        CrmColumnType.Date => "date or text (yyyy-MM-dd)",
        CrmColumnType.Timestamp => "timestamp with time zone, timestamp (taken as UTC) or text (ISO 8601)",
        _ => type.ToString(),
    };

    /// <summary>The SQL reading <paramref name="column"/> (quoted) of a type read as <paramref name="readAs"/>: numbers and the rest cast to exact text.</summary>
    public static string Select(string column, PostgresType type, ReadAs readAs) => readAs switch
    {
        // float → numeric first: text of a double is 1e+06, which no one means; numeric's text is 1000000.
        ReadAs.Text when InternalName(type) is "float4" or "float8" => $"{column}::numeric::text",
        ReadAs.Text => $"{column}::text",
        _ => column,
    };
}
