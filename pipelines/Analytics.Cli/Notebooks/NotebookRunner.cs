using System.Diagnostics;
using System.Text.Json.Nodes;
using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Cli.Notebooks;

/// <summary>
/// Runs a notebook's SQL cells in order on one read-only warehouse connection (so a <c>set variable</c> or a temporary
/// view of one cell is seen by the cells after it, as in a kernel session) and writes each result back into the cell
/// as outputs. A failing cell stops the notebook with its cell number and DuckDB's message; the file is then left as it
/// was, so its previous outputs are not lost.
/// </summary>
internal static class NotebookRunner
{
    /// <summary>What one notebook run did.</summary>
    public sealed record Summary(string Path, int SqlCells, int Results, TimeSpan Elapsed);

    /// <summary>Runs every code cell of <paramref name="notebook"/> against <paramref name="connection"/> and saves it.</summary>
    /// <exception cref="NotebookException">A cell failed; the message names the file and the cell.</exception>
    public static Summary Run(Notebook notebook, DuckDBConnection connection)
    {
        var clock = Stopwatch.StartNew();
        var executionCount = 0;
        var results = 0;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            var sql = cell.Source;
            if (string.IsNullOrWhiteSpace(sql))
            {
                cell.SetOutputs([], null);
                continue;
            }

            executionCount++;
            var outputs = Execute(notebook, cell, connection, sql, executionCount);
            results += outputs.Count;
            cell.SetOutputs(outputs, executionCount);
        }

        Stamp(notebook, connection);
        notebook.Save();
        return new Summary(notebook.Path, executionCount, results, clock.Elapsed);
    }

    private static List<JsonObject> Execute(Notebook notebook, NotebookCell cell, DuckDBConnection connection, string sql, int executionCount)
    {
        var outputs = new List<JsonObject>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.UseStreamingMode = true; // a cell keeps 50 rows and counts the rest: never hold them all
            using var reader = command.ExecuteReader();
            do
            {
                if (reader.FieldCount > 0)
                {
                    outputs.Add(ResultOutput.Read(reader));
                }
            }
            while (reader.NextResult());
        }
        catch (DuckDBException e)
        {
            var codeCell = notebook.Cells.Where(c => c.IsCode).TakeWhile(c => c != cell).Count() + 1;
            throw new NotebookException($"{notebook.Path}: cell {cell.Number} (SQL cell {codeCell}) failed: {e.Message}");
        }

        if (outputs.Count > 0)
        {
            // The cell's last result is its value, as Jupyter shows a cell's last expression.
            var last = outputs[^1];
            outputs[^1] = new JsonObject
            {
                ["data"] = last["data"]!.DeepClone(),
                ["execution_count"] = executionCount,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            };
        }

        return outputs;
    }

    /// <summary>Records which warehouse build the outputs come from, so a reader can trace every figure to its snapshot.</summary>
    private static void Stamp(Notebook notebook, DuckDBConnection connection)
    {
        if (CurrentBuild.Read(connection) is { } build)
        {
            var stamp = notebook.AnalyticsMetadata;
            stamp["duckdb_version"] = build.DuckDbVersion;
            stamp["executed_by"] = "analytics notebook run";
            stamp["warehouse_run_id"] = build.RunId;
            stamp["warehouse_snapshot_date"] = build.SnapshotDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
