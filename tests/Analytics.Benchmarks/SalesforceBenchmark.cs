using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.Salesforce;
using Analytics.Sources.Salesforce.Configuration;

namespace Analytics.Benchmarks;

/// <summary>
/// Extracting N opportunities (with their partner rows and stage history) from the Salesforce contract server running in
/// a separate process (<c>salesforce-server --opportunities N</c>), through Bulk 2.0 with <see cref="SalesforceSource"/>
/// and the extract runner, as `analytics extract` does on a first night (a full read), each size in its own child
/// process (<c>salesforce-extract</c>; <see cref="ExtractBenchmark"/>). Options: --sizes 100000,1000000,
/// --date yyyy-MM-dd (default 2026-11-21).
/// </summary>
internal static class SalesforceBenchmark
{
    public static Task<int> RunAsync(string[] args) => ExtractBenchmark.RunAsync("salesforce-server", "salesforce-extract", args, lines =>
    {
        var key = lines.Select(l => Regex.Match(l, @"private key file (\S+)")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var url = lines.Select(l => Regex.Match(l, @"contract server at (\S+) ")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        return url is null || key is null ? null : ["--login-url", url, "--key-file", key];
    });

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
            ExtractBenchmark.Measure(config, new SalesforceSource(config.Source.Salesforce, config.Extract.MaxTextLength, TimeProvider.System), date);
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
