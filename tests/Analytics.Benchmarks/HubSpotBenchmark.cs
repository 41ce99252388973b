using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.HubSpot;
using Analytics.Sources.HubSpot.Configuration;

namespace Analytics.Benchmarks;

/// <summary>
/// Extracting N opportunities (deals with their partner associations and stage history) from the HubSpot contract
/// server running in a separate process (<c>hubspot-server --opportunities N</c>) with <see cref="HubSpotSource"/> and
/// the extract runner, as `analytics extract` does on a first night (lists with after paging and stage history, v4
/// association reads, pipelines and owners, the mirror, the mapping, the Parquet snapshot), each size in its own child
/// process (<c>hubspot-extract</c>; <see cref="ExtractBenchmark"/>). Options: --sizes 100000,1000000, --date yyyy-MM-dd.
/// </summary>
internal static class HubSpotBenchmark
{
    private const string TokenVariable = "BENCHMARK_HUBSPOT_TOKEN";

    public static Task<int> RunAsync(string[] args) => ExtractBenchmark.RunAsync("hubspot-server", "hubspot-extract", args, lines =>
    {
        var url = lines.Select(l => Regex.Match(l, @"contract server at (\S+) ")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var token = lines.Select(l => Regex.Match(l, @"^\s+token (\S+) ")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        return url is null || token is null ? null : ["--base-url", url, "--token", token];
    });

    /// <summary><c>hubspot-extract --base-url U --token T --date D</c>: one full extract, then a RESULT line.</summary>
    public static Task<int> ExtractAsync(string[] args)
    {
        var url = BenchmarkArguments.Value(args, "--base-url") ?? throw new ArgumentException("--base-url is required");
        var token = BenchmarkArguments.Value(args, "--token") ?? throw new ArgumentException("--token is required");
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "hubspot-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Environment.SetEnvironmentVariable(TokenVariable, token);
            var yaml = $"""
                source:
                  kind: hubspot
                  hubspot:
                    base_url: {url.TrimEnd('/')}
                    token_variable: {TokenVariable}
                    state_folder: {Path.Combine(folder, "state")}
                paths:
                  lake: {Path.Combine(folder, "lake")}
                  runs: {Path.Combine(folder, "runs")}
                """;
            var config = PipelineConfigLoader.Parse(yaml, Path.Combine(folder, "pipeline.yaml"), HubSpotSourceConfigSection.Instance);
            ExtractBenchmark.Measure(config, new HubSpotSource(config.Source.HubSpot, config.Extract.MaxTextLength, TimeProvider.System), date);
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
