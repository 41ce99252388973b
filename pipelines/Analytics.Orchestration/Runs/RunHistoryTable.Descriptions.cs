using DuckDB.NET.Data;
using Analytics.Pipelines.Transforms;

namespace Analytics.Orchestration.Runs;

public static partial class RunHistoryTable
{
    private static readonly Dictionary<string, string> RunColumns = new(StringComparer.Ordinal)
    {
        ["run_id"] = "The run's id: its start time (UTC) and a random suffix, so ids sort by start. Its record is data/runs/<run_id>/run.json.",
        ["job"] = "What ran: main (analytics run), nightly, weekly, quarterly (the schedules of analytics serve) or backfill.",
        ["trigger"] = "manual for a command, or scheduled with the schedule's name and the firing it was due for.",
        ["run_date"] = "The date the run is for: its --date (default: today, UTC), or the scheduled firing's date in the schedules' time zone.",
        ["host"] = "The machine it ran on.",
        ["process_id"] = "Its process id, by which a later run tells a run still going from one whose process died.",
        ["started_at"] = "When it started (UTC).",
        ["finished_at"] = "When it ended (UTC); null while it runs, or when its process died.",
        ["duration_ms"] = "Milliseconds from start to end; null until it ends.",
        ["outcome"] = "succeeded, failed (a step failed after its retries), cancelled (stopped on request), interrupted (its process died) or running.",
        ["error"] = "Why it failed: the failed step and its error; null otherwise.",
        ["steps"] = "Steps in the job.",
        ["steps_succeeded"] = "Steps that succeeded.",
        ["failed_step"] = "The step that failed; null when none did.",
        ["rows_landed"] = "Rows the run's extract or backfill landed in the lake; 0 when it ran neither.",
        ["tests_passed"] = "Data tests of its transform that passed; null when it ran no transform.",
        ["tests_warned"] = "Warn-severity data tests of its transform that found failing rows; null when it ran no transform.",
        ["tests_failed"] = "Error-severity data tests of its transform that failed; null when it ran no transform.",
    };

    private static readonly Dictionary<string, string> StepColumns = new(StringComparer.Ordinal)
    {
        ["run_id"] = "The run (catalog.runs).",
        ["ordinal"] = "The step's position in the run, from 1.",
        ["step"] = "What the step does: backfill, extract, freshness, transform, score, reports or emails (docs/orchestration.md).",
        ["outcome"] = "succeeded, failed, skipped (a step before it failed), cancelled (the run was stopped), running or pending.",
        ["started_at"] = "When its first attempt began (UTC); null when it never started.",
        ["finished_at"] = "When its last attempt ended (UTC).",
        ["duration_ms"] = "Milliseconds from its start to its end, retries and their waits included.",
        ["attempts"] = "Attempts made: more than 1 when a failure was retried (scheduler.step_retry).",
        ["rows"] = "Rows it produced: landed by an extract, built by a transform, scored by a score step.",
        ["tests_passed"] = "Data tests that passed, for a transform step.",
        ["tests_warned"] = "Warn-severity data tests that found failing rows, for a transform step.",
        ["tests_failed"] = "Error-severity data tests that failed, for a transform step.",
        ["tests_skipped"] = "Data tests not run because a model they read was not built, for a transform step.",
        ["summary"] = "What it did, in one line.",
        ["outputs"] = "The files and folders it wrote (a manifest, the warehouse, the QBR packs, the outbox).",
        ["error"] = "Why its last attempt failed; null when it did not fail.",
    };

    /// <summary>Records both tables in the catalog; no run id: they are reloaded from the run records after every run.</summary>
    private static void Describe(DuckDBConnection connection)
    {
        CatalogTables.Describe(connection, Runs,
            "Every recorded run of the pipeline, kept across warehouse rebuilds: the job, what started it, when, how it ended and why it failed. "
            + "Copied at the end of each run from data/runs/<run id>/run.json, the source of truth; runs.kept bounds how many are kept. `analytics status` shows the same.",
            "one row per run", [], RunColumns, null);
        CatalogTables.Describe(connection, Steps,
            "The steps of every run in catalog.runs, in order: outcome, attempts, timings, rows, data-test counts, a one-line summary and the files written.",
            "one row per (run_id, ordinal)", [], StepColumns, null);
    }
}
