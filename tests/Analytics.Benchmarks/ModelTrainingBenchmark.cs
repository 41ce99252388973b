using System.Diagnostics;
using Analytics.Models.Learning;
using Analytics.Models.StalledDeals;
using Analytics.Pipelines.Warehouse;

namespace Analytics.Benchmarks;

/// <summary>
/// Training the stalled-deal model's learners on N rows of 41 features (default 1,240,000: the demo at scale 41.7 has
/// about 41.7 × 29,766 training outcomes): our prior-informed logistic regression (the baseline and small-data model)
/// and ML.NET's L-BFGS logistic regression and FastTree, one after the other in one process, on the scoring
/// benchmark's generated rows with seeded synthetic labels.
/// Options: --rows N.
/// </summary>
internal static class ModelTrainingBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var rows = BenchmarkArguments.Int(args, "--rows", 1_240_000);
        Console.WriteLine($"machine: {Machine.Describe()}");
        var root = Path.Combine(Environment.CurrentDirectory, "benchmarks-out", "training");
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "training.duckdb");
        File.Delete(file);
        using var connection = DuckDbFile.Open(file);
        WarehouseSql.Execute(connection, ScoringBenchmark.Generate, ("rows", rows));
        var clock = Stopwatch.StartNew();
        var (x, y) = ScoringBenchmark.SyntheticTraining(ScoringBenchmark.Read(connection));
        Console.WriteLine($"{x.Count:N0} training rows read and labelled in {clock.Elapsed.TotalSeconds:F1} s; {y.Count(v => v) / (double)y.Count:P1} positive");

        clock.Restart();
        var priorMeans = StalledDealFeatures.PriorMeans(Standardizer.Fit(x).Scales);
        LogisticRegressionTrainer.Fit(StalledDealFeatures.Names, x, y, new LogisticRegressionOptions { L2 = 1, PriorMeans = priorMeans });
        Console.WriteLine($"ours: prior-informed logistic regression {clock.Elapsed.TotalSeconds,7:F1} s");
        foreach (var algorithm in MlNetTrainer.Algorithms.Reverse())
        {
            clock.Restart();
            MlNetTrainer.Fit(algorithm, StalledDealFeatures.Names, x, y);
            Console.WriteLine($"ML.NET {algorithm,-26} {clock.Elapsed.TotalSeconds,7:F1} s");
        }

        return Task.FromResult(0);
    }
}
