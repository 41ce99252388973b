namespace Analytics.Pipelines.Configuration;

/// <summary><c>transform:</c>.</summary>
/// <param name="Models">The transforms folder: macros/, staging/, intermediate/, marts/ (SQL + YAML).</param>
/// <param name="FailingRowsKept">Failing rows kept per failed data test in the warehouse's test_failures schema.</param>
public sealed record TransformConfig(string Models, int FailingRowsKept);
