using System.Text.Json.Serialization;

namespace Analytics.Orchestration.Runs;

/// <summary>How a run ended (or that it has not).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>Still running, or its process died (the next run marks it <see cref="Interrupted"/>).</summary>
    Running,

    /// <summary>Every step succeeded.</summary>
    Succeeded,

    /// <summary>A step failed after its retries; the steps after it did not run.</summary>
    Failed,

    /// <summary>Stopped on request (Ctrl+C, SIGTERM) between steps.</summary>
    Cancelled,

    /// <summary>Its process ended without finishing it (killed, machine lost); found by a later run.</summary>
    Interrupted,
}

/// <summary>How a step ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepOutcome>))]
public enum StepOutcome
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Done.</summary>
    Succeeded,

    /// <summary>Failed on its last attempt.</summary>
    Failed,

    /// <summary>Not run: a step before it failed.</summary>
    Skipped,

    /// <summary>Not run: the run was stopped on request.</summary>
    Cancelled,
}

/// <summary>One step of a recorded run.</summary>
/// <param name="Step">Its name.</param>
/// <param name="Ordinal">Its position in the run, from 1.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="StartedAt">When its first attempt began (UTC).</param>
/// <param name="FinishedAt">When its last attempt ended (UTC).</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Summary">What it did, in one line.</param>
/// <param name="Rows">Rows it produced.</param>
/// <param name="Tests">Its data-test results.</param>
/// <param name="Outputs">Files or folders it wrote.</param>
/// <param name="Error">Why it failed (last attempt), or null.</param>
public sealed record StepRecord(
    string Step,
    int Ordinal,
    StepOutcome Outcome,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    int Attempts = 0,
    string? Summary = null,
    long? Rows = null,
    TestCounts? Tests = null,
    IReadOnlyList<string>? Outputs = null,
    string? Error = null)
{
    /// <summary>Milliseconds from its start to its end, when both are known.</summary>
    [JsonIgnore]
    public long? DurationMs => StartedAt is { } s && FinishedAt is { } f ? (long)(f - s).TotalMilliseconds : null;
}

/// <summary>A run as <c>data/runs/&lt;run id&gt;/run.json</c> and <c>catalog.runs</c> record it.</summary>
/// <param name="RunId">Its id (sortable by start time).</param>
/// <param name="Job">main, nightly, weekly, quarterly or backfill.</param>
/// <param name="Trigger">manual, or scheduled with the trigger's name.</param>
/// <param name="Date">The run's date.</param>
/// <param name="Host">The machine it ran on.</param>
/// <param name="ProcessId">Its process id (to tell a live run from one whose process died).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC), or null while running.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Error">Why it failed: the failed step and its error.</param>
/// <param name="Steps">Its steps, in order.</param>
public sealed record RunRecord(
    string RunId,
    string Job,
    string Trigger,
    DateOnly Date,
    string Host,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunOutcome Outcome,
    string? Error,
    IReadOnlyList<StepRecord> Steps)
{
    /// <summary>Milliseconds from start to end, when it has ended.</summary>
    [JsonIgnore]
    public long? DurationMs => FinishedAt is { } f ? (long)(f - StartedAt).TotalMilliseconds : null;
}
