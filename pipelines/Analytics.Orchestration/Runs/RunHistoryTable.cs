using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// Copies the run history into the warehouse: <c>catalog.runs</c> (one row per run) and <c>catalog.run_steps</c> (one
/// row per step). The files under paths.runs stay the source of truth; these tables are replaced from them at the end
/// of every run, so they survive the nightly rebuild, and described in the catalog. Timestamps are UTC.
/// </summary>
public static partial class RunHistoryTable
{
    /// <summary>The runs table.</summary>
    public const string Runs = "catalog.runs";

    /// <summary>The steps table.</summary>
    public const string Steps = "catalog.run_steps";

    /// <summary>(Re)creates both tables with <paramref name="runs"/>; returns the number of runs written.</summary>
    public static int Load(DuckDBConnection connection, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(runs);
        WarehouseSql.Execute(connection, "create schema if not exists catalog");
        WarehouseSql.Execute(connection, $"""
            create or replace table {Runs} (
                run_id varchar not null primary key, job varchar not null, "trigger" varchar not null, run_date date not null,
                host varchar not null, process_id integer not null, started_at timestamp not null, finished_at timestamp,
                duration_ms bigint, outcome varchar not null, error varchar, steps integer not null, steps_succeeded integer not null,
                failed_step varchar, rows_landed bigint, tests_passed integer, tests_warned integer, tests_failed integer);
            create or replace table {Steps} (
                run_id varchar not null, ordinal integer not null, step varchar not null, outcome varchar not null,
                started_at timestamp, finished_at timestamp, duration_ms bigint, attempts integer not null, "rows" bigint,
                tests_passed integer, tests_warned integer, tests_failed integer, tests_skipped integer,
                summary varchar, outputs varchar[], error varchar, primary key (run_id, ordinal));
            """);
        WarehouseSql.InsertRows(connection, Runs, runs.Select(run =>
        {
            var tests = run.Steps.Where(s => s.Tests is not null).Select(s => s.Tests!).ToList();
            return new object?[]
            {
                run.RunId, run.Job, run.Trigger, run.Date, run.Host, run.ProcessId, run.StartedAt.UtcDateTime, run.FinishedAt?.UtcDateTime,
                run.DurationMs, Name(run.Outcome), run.Error, run.Steps.Count, run.Steps.Count(s => s.Outcome == StepOutcome.Succeeded),
                run.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed)?.Step,
                run.Steps.Where(s => s.Step is "extract" or "backfill" && s.Rows is not null).Sum(s => s.Rows),
                tests.Count == 0 ? null : tests.Sum(t => t.Passed), tests.Count == 0 ? null : tests.Sum(t => t.Warned),
                tests.Count == 0 ? null : tests.Sum(t => t.Failed),
            };
        }));
        WarehouseSql.InsertRows(connection, Steps, runs.SelectMany(run => run.Steps.Select(step => new object?[]
        {
            run.RunId, step.Ordinal, step.Step, Name(step.Outcome), step.StartedAt?.UtcDateTime, step.FinishedAt?.UtcDateTime, step.DurationMs,
            step.Attempts, step.Rows, step.Tests?.Passed, step.Tests?.Warned, step.Tests?.Failed, step.Tests?.Skipped, step.Summary,
            (step.Outputs ?? []).ToArray(), step.Error,
        })));
        Describe(connection);
        return runs.Count;
    }

    /// <summary>How an outcome is written in the tables and on screen.</summary>
    public static string Name(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>How a step outcome is written in the tables and on screen.</summary>
    public static string Name(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
