using Analytics.Orchestration.Runs;

namespace Analytics.Orchestration.Jobs;

/// <summary>The jobs and their steps, in order. Each step runs only when every step before it succeeded.</summary>
public static class JobCatalog
{
    /// <summary><c>analytics run</c>: the whole main job.</summary>
    public const string Main = "main";

    /// <summary>Every night: today's snapshot, freshness, the warehouse, the scores.</summary>
    public const string Nightly = "nightly";

    /// <summary>Every week: the scorecard emails.</summary>
    public const string Weekly = "weekly";

    /// <summary>Every quarter: the QBR packs of the quarter just closed.</summary>
    public const string Quarterly = "quarterly";

    /// <summary><c>analytics backfill</c>: a range of snapshots, then one rebuild.</summary>
    public const string Backfill = "backfill";

    /// <summary>The jobs a schedule may name.</summary>
    public static IReadOnlyList<string> Scheduled { get; } = [Nightly, Weekly, Quarterly];

    /// <summary>The step names of <paramref name="job"/>, in order.</summary>
    public static IReadOnlyList<string> StepNames(string job) => job switch
    {
        Main => ["backfill", "extract", "freshness", "transform", "score", "reports", "emails"],
        Nightly => ["extract", "freshness", "transform", "score"],
        Weekly => ["emails"],
        Quarterly => ["reports"],
        Backfill => ["backfill", "transform", "score"],
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, "Unknown job: main, nightly, weekly, quarterly or backfill."),
    };

    /// <summary>The plan of <paramref name="job"/> for <paramref name="date"/>, over <paramref name="stages"/>.</summary>
    /// <param name="job">main, nightly, weekly or quarterly (backfill: <see cref="BackfillPlan"/>).</param>
    /// <param name="trigger">manual, or scheduled with its trigger.</param>
    /// <param name="date">The run's date.</param>
    /// <param name="stages">The stages.</param>
    public static RunPlan Plan(string job, string trigger, DateOnly date, IPipelineStages stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var steps = StepNames(job).Select(name => Step(name, job, stages)).ToList();
        return new RunPlan(job, trigger, date, steps);
    }

    /// <summary>The plan of <c>analytics backfill</c>: land <paramref name="dates"/>, then transform and score once.</summary>
    public static RunPlan BackfillPlan(IReadOnlyList<DateOnly> dates, DateOnly date, IPipelineStages stages, bool rebuild = true)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var steps = new List<PipelineStep> { new("backfill", (c, ct) => stages.LandAsync(c, dates, ct)) };
        if (rebuild)
        {
            steps.Add(Step("transform", Backfill, stages));
            steps.Add(Step("score", Backfill, stages));
        }

        return new RunPlan(Backfill, "manual", date, steps);
    }

    private static PipelineStep Step(string name, string job, IPipelineStages stages) => new(name, name switch
    {
        "backfill" => stages.BackfillIfEmptyAsync,
        "extract" => stages.ExtractAsync,
        "freshness" => stages.FreshnessAsync,
        "transform" => (c, ct) => stages.TransformAsync(c, fromRunDate: job != Backfill, ct),
        "score" => stages.ScoreAsync,
        "reports" => stages.QbrAsync,
        "emails" => (c, ct) => stages.WeeklyEmailsAsync(c, onlyWhenDue: job == Main, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown step."),
    });
}
