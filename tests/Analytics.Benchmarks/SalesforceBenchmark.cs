using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Sources.Salesforce;
using Analytics.Sources.Salesforce.Configuration;

namespace Analytics.Benchmarks;

/// <summary>
/// Extracting N opportunities (with their partner rows and stage history) from the Salesforce contract server running in
/// a separate process (<c>salesforce-server --opportunities N</c>), through Bulk 2.0 with <see cref="SalesforceSource"/>
/// and the extract runner, as `analytics extract` does on a first night (a full read). Each size is extracted by its own
/// child process (<c>salesforce-extract</c>), so its peak resident memory (VmHWM) is that extract's alone; the sizes run
/// one after the other in one invocation, which gives the ratio. Options: --sizes 100000,1000000,
/// --date yyyy-MM-dd (default 2026-11-21).
/// </summary>
internal static class SalesforceBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (BenchmarkArguments.Value(args, "--sizes") ?? "100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var date = BenchmarkArguments.Value(args, "--date") ?? "2026-11-21";
        Console.WriteLine($"machine: {Machine.Describe()}");
        var results = new List<(long Size, double Seconds, double PeakMiB, string Rows, string Phases)>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"--- {size:N0} opportunities: starting the contract server process");
            using var server = ExtractProcess.Start("salesforce-server", "--port", "0", "--opportunities", size.ToString(CultureInfo.InvariantCulture), "--date", date);
            _ = ExtractProcess.DrainAsync(server.StandardError);
            string? url = null;
            string? key = null;
            while ((url is null || key is null) && await server.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine($"  server: {line}");
                key ??= Regex.Match(line, @"private key file (\S+)") is { Success: true } k ? k.Groups[1].Value : null;
                url ??= Regex.Match(line, @"contract server at (\S+) ") is { Success: true } u ? u.Groups[1].Value : null;
            }

            if (url is null || key is null)
            {
                Console.Error.WriteLine("the server process ended before it listened");
                return 1;
            }

            _ = ExtractProcess.DrainAsync(server.StandardOutput);
            try
            {
                var result = await ExtractProcess.RunAsync(["salesforce-extract", "--login-url", url, "--key-file", key, "--date", date]);
                if (result is null)
                {
                    return 1;
                }

                results.Add((size, result.Value.Seconds, result.Value.PeakMiB, result.Value.Rows, result.Value.Phases));
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }

        ExtractProcess.PrintSummary(results);
        return 0;
    }

    /// <summary><c>salesforce-extract --login-url U --key-file F --date D</c>: one full extract, then a RESULT line.</summary>
    public static Task<int> ExtractAsync(string[] args)
    {
        var url = BenchmarkArguments.Value(args, "--login-url") ?? throw new ArgumentException("--login-url is required");
        var keyFile = BenchmarkArguments.Value(args, "--key-file") ?? throw new ArgumentException("--key-file is required");
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "salesforce-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Environment.SetEnvironmentVariable("BENCHMARK_SALESFORCE_KEY", keyFile);
            var yaml = $"""
                source:
                  kind: salesforce
                  salesforce:
                    login_url: {url.TrimEnd('/')}
                    auth:
                      consumer_key: 3MVG9contract.server.consumer.key
                      username: integration@partner-analytics.example
                      private_key_file_variable: BENCHMARK_SALESFORCE_KEY
                    state_folder: {Path.Combine(folder, "state")}
                paths:
                  lake: {Path.Combine(folder, "lake")}
                  runs: {Path.Combine(folder, "runs")}
                """;
            var config = PipelineConfigLoader.Parse(yaml, Path.Combine(folder, "pipeline.yaml"), SalesforceSourceConfigSection.Instance);
            var watch = Stopwatch.StartNew();
            var source = new SalesforceSource(config.Source.Salesforce, config.Extract.MaxTextLength, TimeProvider.System);
            // The phases, told apart by the progress lines: reading the org into the mirror (client and mirror merge),
            // mapping onto the canonical entities into the staging area, writing Parquet.
            var phases = new PhaseMarks(watch, "mapping ");
            var manifest = new ExtractRunner(config, source, TimeProvider.System).Extract(date, phases);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PHASES reading {phases.SecondPhaseAt:F1} s (peak {phases.PeakAtSecondPhase:F0} MiB, managed heap then {phases.HeapAtSecondPhase:F0} MiB), mapping + staging {phases.WritingAt - phases.SecondPhaseAt:F1} s (peak {phases.PeakAtWriting:F0} MiB, managed heap then {phases.HeapAtWriting:F0} MiB), writing {seconds - phases.WritingAt:F1} s"));
            var rows = string.Join(", ", manifest.Entities.Where(e => e.Landed > 0).Select(e => $"{e.Entity} {e.Landed:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT seconds={seconds:F2} peak_mib={Machine.PeakResidentMiB():F0} rows={rows}"));
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
