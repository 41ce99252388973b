using System.Text;
using DuckDB.NET.Data;
using Analytics.Pipelines.Warehouse;

namespace Analytics.Cli.Shell;

/// <summary>
/// The tables and views the sql shell shows with <c>.tables</c> and <c>.schema</c>: every one DuckDB lists
/// (duckdb_tables(), duckdb_views()) that is not internal, named <c>schema.name</c> in the warehouse, <c>temp.name</c>
/// for the session's temporary ones and <c>database.schema.name</c> in a database attached beside the warehouse.
/// </summary>
internal static class WarehouseObjects
{
    private const string Objects = """
        select database_name, schema_name, table_name as name, 'table' as kind, temporary from duckdb_tables() where not internal
        union all
        select database_name, schema_name, view_name, 'view', temporary from duckdb_views() where not internal
        """;

    /// <summary>Every table and view, sorted by schema and name.</summary>
    public static IReadOnlyList<WarehouseObject> List(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"select database_name = current_database(), database_name, schema_name, name, kind, temporary from ({Objects}) order by all";
        using var reader = command.ExecuteReader();
        var objects = new List<WarehouseObject>();
        while (reader.Read())
        {
            objects.Add(new WarehouseObject(reader.GetBoolean(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5)));
        }

        return objects.OrderBy(o => o.Group, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The objects grouped by schema, one group a line (wrapped at <paramref name="width"/> and indented): the schema,
    /// then its tables' and views' names, so <c>marts  win_rates</c> reads as <c>marts.win_rates</c>.
    /// </summary>
    public static string Layout(IReadOnlyList<WarehouseObject> objects, int width)
    {
        if (objects.Count == 0)
        {
            return "no tables or views";
        }

        var indent = objects.Max(o => o.Group.Length) + 2;
        var text = new StringBuilder();
        foreach (var group in objects.GroupBy(o => o.Group))
        {
            var line = new StringBuilder(group.Key.PadRight(indent));
            var first = true;
            foreach (var name in group.Select(o => o.Name))
            {
                if (!first && line.Length + 2 + name.Length > width)
                {
                    text.AppendLine(line.ToString());
                    line.Clear().Append(' ', indent);
                    first = true;
                }

                line.Append(first ? string.Empty : "  ").Append(name);
                first = false;
            }

            text.AppendLine(line.ToString());
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The table or view <paramref name="name"/> names: <c>schema.name</c>, <c>database.name</c> (its main schema),
    /// <c>database.schema.name</c>, or a bare name that is unique across schemas. Case does not matter, as in SQL.
    /// </summary>
    /// <exception cref="DotCommandException">No such table or view, or the bare name is in several schemas.</exception>
    public static WarehouseObject Find(DuckDBConnection connection, string name)
    {
        var parts = name.Split('.');
        var matches = List(connection).Where(o => parts switch
        {
            [var table] => Same(o.Name, table),
            [var schema, var table] => Same(o.Name, table) && ((o.InWarehouse && Same(o.Schema, schema)) || (Same(o.Database, schema) && Same(o.Schema, "main"))),
            [var database, var schema, var table] => Same(o.Name, table) && Same(o.Schema, schema) && Same(o.Database, database),
            _ => false,
        }).ToList();
        return matches switch
        {
            [var only] => only,
            [] => throw new DotCommandException($"no table or view named '{name}'; `.tables` lists them."),
            _ => throw new DotCommandException($"'{name}' is in several schemas: {string.Join(", ", matches.Select(m => m.DisplayName))}; name one of them."),
        };
    }

    /// <summary>The columns of <paramref name="table"/> in order: name, DuckDB type, and the description the warehouse's catalog.columns holds (or null).</summary>
    public static IReadOnlyList<(string Name, string Type, string? Description)> ColumnsOf(DuckDBConnection connection, WarehouseObject table)
    {
        var descriptions = WarehouseSql.HasTable(connection, "catalog", "columns") && table.InWarehouse
            ? Query(connection, "select column_name, description from catalog.columns where schema_name = $schema and table_name = $name", table)
                .GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase)
            : [];
        return Query(connection, "select column_name, data_type from duckdb_columns() where database_name = $database and schema_name = $schema and table_name = $name order by column_index", table)
            .Select(c => (c.Key, c.Value ?? string.Empty, descriptions.GetValueOrDefault(c.Key)))
            .ToList();
    }

    /// <summary>The description catalog.models holds for <paramref name="table"/>, if it is a model.</summary>
    public static string? Description(DuckDBConnection connection, WarehouseObject table) =>
        WarehouseSql.HasTable(connection, "catalog", "models") && table.InWarehouse
            ? Query(connection, "select model_name, description from catalog.models where schema_name = $schema and table_name = $name", table).Select(r => r.Value).FirstOrDefault()
            : null;

    private static List<KeyValuePair<string, string?>> Query(DuckDBConnection connection, string sql, WarehouseObject table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameter, value) in new[] { ("database", table.Database), ("schema", table.Schema), ("name", table.Name) })
        {
            if (sql.Contains("$" + parameter, StringComparison.Ordinal))
            {
                command.Parameters.Add(new DuckDBParameter(parameter, value));
            }
        }

        using var reader = command.ExecuteReader();
        var rows = new List<KeyValuePair<string, string?>>();
        while (reader.Read())
        {
            rows.Add(new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
