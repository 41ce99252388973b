using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Benchmarks;

/// <summary>
/// Reader throughput of our binding against DuckDB's official Node.js client (@duckdb/node-api, same libduckdb
/// version) on one query over one database file, measured side by side in one run; and appender throughput.
/// Options: --rows N (default 10,000,000), --repetitions N (default 3; the best run counts).
/// </summary>
internal static class DuckDbBenchmark
{
    private const string NodeApiVersion = "1.5.6-r.1";
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

        var ours = MeasureReader(database, repetitions, out var checksum);
        Console.WriteLine($".NET reader (streaming, GetInt64/GetDouble/GetString per row): best {ours:F0} ms = {rows / ours * 1000:N0} rows/s ({checksum})");

        var node = await MeasureNodeAsync(database, repetitions, work);
        if (node is null)
        {
            return 1;
        }

        foreach (var (name, ms) in node)
        {
            Console.WriteLine($"node {name}: best {ms:F0} ms = {rows / ms * 1000:N0} rows/s; ours / node time = {ours / ms:F2} (node is {ms / ours:F2}x our time)");
        }

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
                    appender.Append((long)i).Append(i * 0.25).Append(Label(i)).EndRow();
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

    private static double MeasureReader(string database, int repetitions, out string checksum)
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

    private static async Task<Dictionary<string, double>?> MeasureNodeAsync(string database, int repetitions, string work)
    {
        var nodeDir = Path.Combine(work, "node");
        Directory.CreateDirectory(nodeDir);
        if (!Directory.Exists(Path.Combine(nodeDir, "node_modules", "@duckdb", "node-api")))
        {
            Console.WriteLine($"installing @duckdb/node-api@{NodeApiVersion} into {nodeDir} ...");
            if (await RunAsync("npm", $"install --silent --no-save --prefix \"{nodeDir}\" @duckdb/node-api@{NodeApiVersion}", nodeDir) is not (0, _))
            {
                Console.Error.WriteLine("npm install @duckdb/node-api failed; is npm installed and the registry reachable?");
                return null;
            }
        }

        var script = Path.Combine(nodeDir, "reader-bench.mjs");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "node", "reader-bench.mjs"), script, overwrite: true);
        var (code, output) = await RunAsync("node", $"\"{script}\" \"{database}\" \"{Query}\" {repetitions + 1}", nodeDir);
        if (code != 0)
        {
            Console.Error.WriteLine($"node benchmark failed: {output}");
            return null;
        }

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var results = new Dictionary<string, double>();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            results[property.Name] = property.Value.GetProperty("bestMs").GetDouble();
            Console.WriteLine($"node {property.Name}: rows={property.Value.GetProperty("rows")}, chars={property.Value.GetProperty("chars")}, idSum={property.Value.GetProperty("idSum")}");
        }

        return results;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
