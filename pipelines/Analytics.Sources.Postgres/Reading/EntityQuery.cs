using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Sources.Postgres.Configuration;
using Npgsql.Schema;

namespace Analytics.Sources.Postgres.Reading;

/// <summary>
/// The SQL of one canonical entity: its relation (the table's columns renamed to the canonical ones, or the configured
/// query), described without running to check its columns and types, then read ordered by the entity's primary key
/// (<see cref="Analytics.Pipelines.Sources.Files.CanonicalRowLoader"/> finds duplicates between neighbours) with each
/// row's record id for quarantine messages.
/// </summary>
internal sealed class EntityQuery(EntitySchema entity, PostgresEntityMapping mapping)
{
    /// <summary>The relation's column carrying the record id (table mapping only).</summary>
    public const string RecordIdColumn = "__record_id";

    /// <summary>The canonical entity.</summary>
    public EntitySchema Entity => entity;

    /// <summary>The mapping.</summary>
    public PostgresEntityMapping Mapping => mapping;

    /// <summary><c>opportunities (crm.deal)</c>, for messages.</summary>
    public string Name => $"{entity.Name} ({mapping.Origin})";

    /// <summary>A query whose columns are the relation's: described (not run) to check them.</summary>
    public string DescribeSql => $"select * from ({Relation()}) q";

    /// <summary>Checks the described columns against the canonical schema.</summary>
    public EntityShape Check(IReadOnlyList<NpgsqlDbColumn> described)
    {
        ArgumentNullException.ThrowIfNull(described);
        var columns = new List<ShapeColumn>();
        var problems = new List<string>();
        foreach (var column in entity.Columns)
        {
            var result = described.FirstOrDefault(d => d.ColumnName == column.Name);
            if (result is null)
            {
                if (column.Required)
                {
                    problems.Add($"postgres {Name}: the query has no column {column.Name} (required, {ColumnTypes.Expected(column.Type)}); "
                        + $"its columns: {string.Join(", ", described.Select(d => d.ColumnName).Where(n => n != RecordIdColumn))}. Name a result column {column.Name} (... as {column.Name}).");
                }

                continue;
            }

            var type = result.PostgresType;
            var readAs = type is null ? null : ColumnTypes.Accepts(column, type);
            if (readAs is null)
            {
                problems.Add($"postgres {Name}: column {column.Name}{Source(column.Name)} is {result.DataTypeName}; expected {ColumnTypes.Expected(column.Type)}. "
                    + (mapping.Table is null
                        ? $"Select a value of that type (cast if needed: (...)::{Cast(column.Type)} as {column.Name})."
                        : $"Map it to a column or expression of that type (cast if needed: {column.Name}: (...)::{Cast(column.Type)})."));
                continue;
            }

            columns.Add(new ShapeColumn(column.Name, result.DataTypeName, readAs.Value, ColumnTypes.Select(Quote(column.Name), type!, readAs.Value)));
        }

        // The query's record id column is read, for quarantine messages; any other non-canonical column is not.
        var ignored = described.Select(d => d.ColumnName)
            .Where(n => n != RecordIdColumn && n != mapping.RecordId && entity.Columns.All(c => c.Name != n)).ToList();
        return new EntityShape(columns, problems, ignored);
    }

    /// <summary>The query streaming the entity: its present columns, then the record id, ordered by primary key.</summary>
    public string ReadSql(EntityShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var select = shape.Columns.Select(c => $"{c.Select} as {Quote(c.Name)}").ToList();
        select.Add($"{RecordIdSql(shape)} as {Quote(RecordIdColumn)}");
        // Text keys in byte order ("C"): fast, and the same order whatever the replica's collation.
        var order = entity.PrimaryKey.Select(k => shape.Columns.FirstOrDefault(c => c.Name == k) is { } c && IsCollatable(c.TypeName)
            ? $"q.{Quote(k)} collate \"C\""
            : shape.Columns.Any(c => c.Name == k) ? $"q.{Quote(k)}" : null).Where(o => o is not null);
        return $"select {string.Join(", ", select)} from ({Relation()}) q order by {string.Join(", ", order)}";
    }

    /// <summary>A count of the relation's rows (for <c>source check</c>).</summary>
    public string CountSql => $"select count(*) from ({Relation()}) q";

    private string RecordIdSql(EntityShape shape)
    {
        if (mapping.Table is not null)
        {
            return $"q.{Quote(RecordIdColumn)}::text";
        }

        if (mapping.RecordId is not null)
        {
            return $"({mapping.RecordId})::text";
        }

        var keys = entity.PrimaryKey.Where(k => shape.Columns.Any(c => c.Name == k)).Select(k => $"q.{Quote(k)}::text");
        return $"concat_ws(',', {string.Join(", ", keys)})";
    }

    private string Relation()
    {
        if (mapping.Query is not null)
        {
            return mapping.Query;
        }

        var columns = entity.Columns.Select(c => $"({Expression(c.Name)}) as {Quote(c.Name)}").ToList();
        var recordId = mapping.RecordId ?? $"concat_ws(',', {string.Join(", ", entity.PrimaryKey.Select(k => $"({Expression(k)})::text"))})";
        columns.Add($"({recordId}) as {Quote(RecordIdColumn)}");
        return $"select {string.Join(", ", columns)} from {mapping.Table}";
    }

    /// <summary>The table's expression for a canonical column: the column map's, or the column of the canonical name.</summary>
    private string Expression(string column) => mapping.Columns.TryGetValue(column, out var expression) ? expression : Quote(column);

    private string Source(string column) => mapping.Columns.TryGetValue(column, out var expression) ? $" (mapped from {expression})" : string.Empty;

    private static bool IsCollatable(string typeName) => typeName is "text" or "character varying" or "character" or "name";

    private static string Cast(CrmColumnType type) => type switch
    {
        CrmColumnType.Integer => "bigint",
        CrmColumnType.Decimal => "numeric",
        CrmColumnType.Boolean => "boolean",
        CrmColumnType.Date => "date",
        CrmColumnType.Timestamp => "timestamptz",
        _ => "text",
    };

    private static string Quote(string name) => string.Create(CultureInfo.InvariantCulture, $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
}
