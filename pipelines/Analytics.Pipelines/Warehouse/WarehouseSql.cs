
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Warehouse;

/// <summary>Plain commands on a warehouse connection with positional-by-name parameters (<c>$name</c>), DateOnly included.</summary>
public static class WarehouseSql
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> (name, value).</summary>
    public static int Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, or null.</summary>
    public static object? Scalar(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Whether <paramref name="schema"/>.<paramref name="table"/> exists as a table or view in the connection's own
    /// database (scores.* appear only once scoring ran; catalog tables may predate a newer one such as catalog.metrics).
    /// </summary>
    public static bool HasTable(DuckDBConnection connection, string schema, string table) =>
        Convert.ToInt64(Scalar(connection,
            "select count(*) from information_schema.tables where table_catalog = current_database() and table_schema = $schema and table_name = $table",
            ("schema", schema), ("table", table)), System.Globalization.CultureInfo.InvariantCulture) > 0;

    /// <summary>The rows of <paramref name="sql"/>, each mapped by <paramref name="map"/>.</summary>
    public static List<T> Query<T>(DuckDBConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.UseStreamingMode = true; // rows go straight into the mapped list, not through a materialised result first
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (each one value per column, in the table's column order) into
    /// <paramref name="table"/>, <paramref name="chunkRows"/> rows per statement; returns the rows inserted.
    /// </summary>
    public static int InsertRows(DuckDBConnection connection, string table, IEnumerable<object?[]> rows, int chunkRows = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var count = 0;
        foreach (var chunk in rows.Chunk(chunkRows))
        {
            var tuples = new List<string>(chunk.Length);
            var parameters = new List<(string Name, object? Value)>();
            for (var r = 0; r < chunk.Length; r++)
            {
                tuples.Add("(" + string.Join(", ", chunk[r].Select((_, c) => $"$r{r}c{c}")) + ")");
                parameters.AddRange(chunk[r].Select((value, c) => ($"r{r}c{c}", value)));
            }

            Execute(connection, $"insert into {table} values {string.Join(", ", tuples)}", [.. parameters]);
            count += chunk.Length;
        }

        return count;
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        return command;
    }
}
