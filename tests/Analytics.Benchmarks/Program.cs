using Analytics.Benchmarks;

// Benchmarks run on demand, outside the test run; figures go to docs/benchmarks.md.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["duckdb"] = DuckDbBenchmark.RunAsync,
    ["landing"] = LandingBenchmark.RunAsync,
    ["transform"] = TransformBenchmark.RunAsync,
    ["scoring"] = ScoringBenchmark.RunAsync,
    ["model-training"] = ModelTrainingBenchmark.RunAsync,
    ["salesforce-server"] = SalesforceServerCommand.RunAsync,
    ["salesforce"] = SalesforceBenchmark.RunAsync,
    ["salesforce-extract"] = SalesforceBenchmark.ExtractAsync,
    ["postgres-server"] = PostgresServerCommand.RunAsync,
    ["postgres"] = PostgresBenchmark.RunAsync,
    ["postgres-extract"] = PostgresBenchmark.ExtractAsync,
    ["hubspot-server"] = HubSpotServerCommand.RunAsync,
    ["hubspot"] = HubSpotBenchmark.RunAsync,
    ["hubspot-extract"] = HubSpotBenchmark.ExtractAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Analytics.Benchmarks -- <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
