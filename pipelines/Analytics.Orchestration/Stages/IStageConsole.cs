using Analytics.Models.Scoring;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Transforms;
using Analytics.Reports.Qbr;
using Analytics.Reports.Weekly;

namespace Analytics.Orchestration.Stages;

/// <summary>
/// What the stages tell the person watching: lines, progress bars and each stage's outcome. The stages choose the
/// words of their lines; the implementation (the command line's, on Spectre.Console) chooses how they look, and prints
/// the outcomes as tables. Stages make no console calls of their own.
/// </summary>
public interface IStageConsole
{
    /// <summary>A plain line.</summary>
    void Line(string text);

    /// <summary>A line led by a stage's name, highlighted (e.g. "freshness"); <paramref name="rest"/> follows it as written, punctuation included.</summary>
    void Headline(string stage, string rest);

    /// <summary>A detail of the stage at work (indented, subdued): a model training, an email composed, a warning.</summary>
    void Detail(string text);

    /// <summary>A line that asks for attention but stops nothing (a run waiting for the run lock).</summary>
    void Warning(string text);

    /// <summary>A line saying the stage failed (a stale lake).</summary>
    void Alarm(string text);

    /// <summary>An error, after an "error:" label; printed as it is, never read as markup.</summary>
    void Error(string message);

    /// <summary>Runs <paramref name="work"/> under a progress bar of <paramref name="kind"/> that starts as <paramref name="description"/>.</summary>
    T WithProgress<T>(StageProgressKind kind, string description, Func<IProgress<StageProgress>, T> work);

    /// <summary>A snapshot of a backfill landed (one line each, while the others land).</summary>
    void Landed(SnapshotManifest manifest);

    /// <summary>The run date's snapshot landed: its counts per entity and where it is.</summary>
    void Extracted(SnapshotManifest manifest, LakeLayout layout);

    /// <summary>A transform finished: what was built, what warned, what failed and why.</summary>
    void Transformed(TransformResult result);

    /// <summary>The model stage finished: what each model did and how good it is.</summary>
    void Scored(ModelStageResult result);

    /// <summary>A quarter's QBR packs were rendered.</summary>
    void QbrProduced(QbrOutcome outcome);

    /// <summary>A week's emails were delivered (or not); <paramref name="outboxFolder"/> is null when they went by SMTP.</summary>
    void WeeklyDelivered(WeeklyOutcome outcome, string? outboxFolder, string ledgerPath);

    /// <summary>A run changed: started, a step started, retried or ended, the run ended.</summary>
    void RunChanged(string message);
}
