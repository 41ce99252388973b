using System.Data.Common;
using Analytics.DuckDb;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Transforms;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>Read-only queries against the warehouse, printed as tables.</summary>
internal static class QueryTable
{
    /// <summary>Opens the warehouse read-only.</summary>
    /// <exception cref="TransformRunException">There is no warehouse yet.</exception>
    public static DuckDbConnection OpenWarehouse(PipelineConfig config)
    {
        if (!File.Exists(config.Paths.Warehouse))
        {
            throw new TransformRunException($"{config.Paths.Warehouse}: no warehouse yet; run `analytics transform` (or `analytics run`) first.");
        }

        var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = config.Paths.Warehouse, ReadOnly = true }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Prints the rows of <paramref name="sql"/> (at most <paramref name="maxRows"/>); returns how many there were.</summary>
    public static long Print(IAnsiConsole console, DuckDbConnection connection, string sql, int maxRows, string? title = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var table = new Table { Title = title is null ? null : new TableTitle(Markup.Escape(title)) };
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var column = new TableColumn(Markup.Escape(reader.GetName(i)));
            if (IsNumeric(reader, i))
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        long rows = 0;
        while (reader.Read())
        {
            if (rows++ < maxRows)
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells[i] = reader.IsDBNull(i) ? "[dim]null[/]" : Markup.Escape(Results.CellText.Of(reader.GetValue(i)));
                }

                table.AddRow(cells);
            }
        }

        if (reader.FieldCount > 0)
        {
            console.Write(table);
        }

        console.MarkupLineInterpolated($"{rows:N0} row(s){(rows > maxRows ? $", first {maxRows:N0} shown (--max-rows)" : string.Empty)}");
        return rows;
    }

    private static bool IsNumeric(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(double)
            || type == typeof(float) || type == typeof(decimal) || type == typeof(System.Numerics.BigInteger) || type == typeof(ulong) || type == typeof(uint);
    }
}
