using Analytics.Pipelines.Warehouse;
using Analytics.Cli.Results;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Transforms;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Read-only queries against the warehouse, printed as plain-text tables (<see cref="TextTable"/>).</summary>
internal static class QueryTable
{
    /// <summary>Opens the warehouse read-only: DuckDB then refuses every change to it.</summary>
    /// <exception cref="TransformRunException">There is no warehouse yet.</exception>
    public static DuckDBConnection OpenWarehouse(PipelineConfig config)
    {
        if (!File.Exists(config.Paths.Warehouse))
        {
            throw new TransformRunException($"{config.Paths.Warehouse}: no warehouse yet; run `analytics transform` (or `analytics run`) first.");
        }

        var connection = DuckDbFile.Open(config.Paths.Warehouse, readOnly: true);
        return connection;
    }

    /// <summary>
    /// Prints the rows of <paramref name="sql"/> (at most <paramref name="maxRows"/>) under <paramref name="title"/>, one
    /// line per row whatever the console's width; returns how many rows there were.
    /// </summary>
    public static long Print(IAnsiConsole console, DuckDBConnection connection, string sql, int maxRows, string? title = null, int maxCellWidth = TextTable.MaxCellWidth)
    {
        var writer = console.Profile.Out.Writer;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.UseStreamingMode = true; // any number of rows, one DuckDB chunk in memory at a time
        using var reader = command.ExecuteReader();
        if (title is not null)
        {
            writer.WriteLine(title);
        }

        var written = reader.FieldCount > 0 ? TableResultWriter.Write(reader, writer, maxRows, maxCellWidth) : default;
        writer.WriteLine($"{written.Rows:N0} row(s){(written.Truncated ? $", first {written.Written:N0} shown" : string.Empty)}");
        writer.Flush();
        return written.Rows;
    }
}
