namespace Analytics.Orchestration.Runs;

/// <summary>One step of a run: a name and the work. The executor times it, retries it and records what it returns.</summary>
/// <param name="Name">The step's name in the run history (extract, transform, ...).</param>
/// <param name="Run">The work. Throw <see cref="StepFailedException"/> to fail it (any other exception fails it too).</param>
public sealed record PipelineStep(string Name, Func<StepContext, CancellationToken, Task<StepResult>> Run);

/// <summary>What a step is told about the run it belongs to.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Date">The run's date (the snapshot date it lands or builds).</param>
/// <param name="Attempt">1 on the first attempt, 2 on the first retry, ...</param>
public sealed record StepContext(string RunId, DateOnly Date, int Attempt);

/// <summary>What a step did, as the run history records it.</summary>
/// <param name="Summary">One line a person reads (e.g. "landed 2026-11-21: 31,204 rows, 3 quarantined").</param>
/// <param name="Rows">Rows the step produced (landed, built, scored, emails sent); null when not meaningful.</param>
/// <param name="Tests">Data-test results, for the steps that run data tests.</param>
/// <param name="Outputs">Files or folders the step wrote, for `analytics run` to print where everything is.</param>
public sealed record StepResult(string Summary, long? Rows = null, TestCounts? Tests = null, IReadOnlyList<string>? Outputs = null);

/// <summary>Data-test results of a step.</summary>
/// <param name="Passed">Tests passed.</param>
/// <param name="Warned">Tests that failed with severity warn.</param>
/// <param name="Failed">Tests that failed with severity error.</param>
/// <param name="Skipped">Tests not run (their model was not built).</param>
public sealed record TestCounts(int Passed, int Warned, int Failed, int Skipped);
