using Analytics.DuckDb;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// Copies the run history into the warehouse: <c>catalog.runs</c> (one row per run) and <c>catalog.run_steps</c> (one
/// row per step). The files under paths.runs stay the source of truth; these tables are replaced from them at the end
/// of every run, so they survive the nightly rebuild. Timestamps are UTC.
/// </summary>
public static class RunHistoryTable
{
    /// <summary>The runs table.</summary>
    public const string Runs = "catalog.runs";

    /// <summary>The steps table.</summary>
    public const string Steps = "catalog.run_steps";

    /// <summary>(Re)creates both tables with <paramref name="runs"/>; returns the number of runs written.</summary>
    public static int Load(DuckDbConnection connection, IReadOnlyList<RunRecord> runs)
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
        foreach (var run in runs)
        {
            var tests = run.Steps.Where(s => s.Tests is not null).Select(s => s.Tests!).ToList();
            WarehouseSql.Execute(connection, $"insert into {Runs} values ($id, $job, $trigger, $date, $host, $pid, $start, $end, $ms, $outcome, $error, $steps, $ok, $failed, $landed, $tp, $tw, $tf)",
                ("id", run.RunId), ("job", run.Job), ("trigger", run.Trigger), ("date", run.Date), ("host", run.Host), ("pid", run.ProcessId),
                ("start", run.StartedAt.UtcDateTime), ("end", run.FinishedAt?.UtcDateTime), ("ms", run.DurationMs), ("outcome", Name(run.Outcome)),
                ("error", run.Error), ("steps", run.Steps.Count), ("ok", run.Steps.Count(s => s.Outcome == StepOutcome.Succeeded)),
                ("failed", run.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed)?.Step),
                ("landed", run.Steps.Where(s => s.Step is "extract" or "backfill" && s.Rows is not null).Sum(s => s.Rows)),
                ("tp", tests.Count == 0 ? null : tests.Sum(t => t.Passed)), ("tw", tests.Count == 0 ? null : tests.Sum(t => t.Warned)),
                ("tf", tests.Count == 0 ? null : tests.Sum(t => t.Failed)));
            foreach (var step in run.Steps)
            {
                WarehouseSql.Execute(connection, $"insert into {Steps} values ($id, $n, $step, $outcome, $start, $end, $ms, $attempts, $rows, $tp, $tw, $tf, $ts, $summary, $outputs, $error)",
                    ("id", run.RunId), ("n", step.Ordinal), ("step", step.Step), ("outcome", Name(step.Outcome)), ("start", step.StartedAt?.UtcDateTime),
                    ("end", step.FinishedAt?.UtcDateTime), ("ms", step.DurationMs), ("attempts", step.Attempts), ("rows", step.Rows),
                    ("tp", step.Tests?.Passed), ("tw", step.Tests?.Warned), ("tf", step.Tests?.Failed), ("ts", step.Tests?.Skipped),
                    ("summary", step.Summary), ("outputs", (step.Outputs ?? []).ToArray()), ("error", step.Error));
            }
        }

        return runs.Count;
    }

    /// <summary>How an outcome is written in the tables and on screen.</summary>
    public static string Name(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>How a step outcome is written in the tables and on screen.</summary>
    public static string Name(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
