using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Benchmarks;

/// <summary>
/// DuckDB.NET's appender and reader on one database file: appender throughput, then the reader in streaming mode
/// (<c>UseStreamingMode</c>, what the shell, exports and feature reads use) against its default buffered mode, with
/// the peak resident memory of each, measured side by side in one run.
/// Options: --rows N (default 10,000,000), --repetitions N (default 3; the best run counts).
/// </summary>
internal static class DuckDbBenchmark
{
    private const string Query = "select id, amount, label from bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArguments.Int(args, "--rows", 10_000_000);
        var repetitions = BenchmarkArguments.Int(args, "--repetitions", 3);
        var work = Path.Combine(Environment.CurrentDirectory, "benchmarks-out");
        Directory.CreateDirectory(work);
        var database = Path.Combine(work, "reader-bench.duckdb");
        File.Delete(database);
        File.Delete(database + ".wal");

        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"rows: {rows:N0}, repetitions: {repetitions} (best counts)");

        var appendRowsPerSecond = MeasureAppender(database, rows);
        Console.WriteLine($"appender: {rows:N0} rows (BIGINT, DOUBLE, VARCHAR) in best {rows / appendRowsPerSecond:F2} s = {appendRowsPerSecond:N0} rows/s");

        var streaming = MeasureReader(database, repetitions, streaming: true, out var checksum);
        var streamingPeak = Machine.PeakResidentMiB();
        Console.WriteLine($"reader, streaming (GetInt64/GetDouble/GetString per row): best {streaming:F0} ms = {rows / streaming * 1000:N0} rows/s ({checksum}); peak RSS so far {streamingPeak:N0} MiB");
        var buffered = MeasureReader(database, repetitions, streaming: false, out checksum);
        Console.WriteLine($"reader, buffered (DuckDB.NET's default): best {buffered:F0} ms = {rows / buffered * 1000:N0} rows/s ({checksum}); peak RSS so far {Machine.PeakResidentMiB():N0} MiB");
        Console.WriteLine($"buffered / streaming time = {buffered / streaming:F2}");
        await Task.CompletedTask;
        return 0;
    }

    private static double MeasureAppender(string database, int rows)
    {
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var connection = DuckDbFile.Open(database);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "create or replace table bench(id bigint, amount double, label varchar)";
                command.ExecuteNonQuery();
            }

            var clock = Stopwatch.StartNew();
            using (var appender = connection.CreateAppender("bench"))
            {
                for (var i = 0; i < rows; i++)
                {
                    appender.CreateRow().AppendValue((long)i).AppendValue(i * 0.25).AppendValue(Label(i)).EndRow();
                }
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return rows / best;
    }

    private static string Label(int i) => (i % 3) switch
    {
        0 => "short-" + (i % 1000).ToString(CultureInfo.InvariantCulture),
        1 => "a label longer than twelve bytes #" + (i % 5000).ToString(CultureInfo.InvariantCulture),
        _ => "mid-" + (i % 100000).ToString(CultureInfo.InvariantCulture),
    };

    private static double MeasureReader(string database, int repetitions, bool streaming, out string checksum)
    {
        var best = double.MaxValue;
        checksum = string.Empty;
        using var connection = DuckDbFile.Open(database, readOnly: true);
        for (var r = 0; r < repetitions + 1; r++)
        {
            var clock = Stopwatch.StartNew();
            long ids = 0, rowCount = 0, chars = 0;
            double amounts = 0;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = Query;
                command.UseStreamingMode = streaming;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    ids += reader.GetInt64(0);
                    amounts += reader.GetDouble(1);
                    chars += reader.GetString(2).Length;
                    rowCount++;
                }
            }

            var ms = clock.Elapsed.TotalMilliseconds;
            if (r > 0)
            {
                best = Math.Min(best, ms); // the first run warms the JIT and the buffer pool, as Node's first run warms V8
            }

            checksum = $"rows={rowCount}, chars={chars}, idSum={ids}";
            _ = amounts;
        }

        return best;
    }
}
