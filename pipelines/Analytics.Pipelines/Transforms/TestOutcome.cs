namespace Analytics.Pipelines.Transforms;

/// <summary>One data test's result in a build.</summary>
/// <param name="Test">The test.</param>
/// <param name="Status">Passed, warned, failed or skipped.</param>
/// <param name="FailingRows">How many rows broke the rule (exact).</param>
/// <param name="FailuresTable">Where the failing rows are kept (<c>test_failures.&lt;name&gt;</c>), if any failed.</param>
/// <param name="Sample">The first few failing rows, column name to value.</param>
/// <param name="Milliseconds">Time to run it.</param>
/// <param name="Error">DuckDB's message when the test query itself failed.</param>
public sealed record TestOutcome(
    DataTestDefinition Test,
    TestStatus Status,
    long FailingRows,
    string? FailuresTable,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Sample,
    long Milliseconds,
    string? Error);
