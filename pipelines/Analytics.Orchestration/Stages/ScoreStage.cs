using Analytics.Models.Scoring;
using Analytics.Orchestration.Sources;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.Demo;

namespace Analytics.Orchestration.Stages;

/// <summary>The model stage: trains what needs it and scores the warehouse, with a line per model at work.</summary>
public static class ScoreStage
{
    /// <summary>Runs the model stage in <paramref name="mode"/> and shows it; returns the outcome, or null with why it failed in <paramref name="error"/> (already shown).</summary>
    /// <param name="config">The pipeline configuration.</param>
    /// <param name="mode">Train, score or decide per model.</param>
    /// <param name="clock">The clock (model ages, the run id of a stand-alone stage).</param>
    /// <param name="console">Where the stage's lines go.</param>
    /// <param name="error">Why it failed, when it returns null.</param>
    /// <param name="runId">The recorded run this is a step of, so the scores and the printed outcome carry its id; null for a stand-alone <c>analytics score</c>.</param>
    public static ModelStageResult? Run(PipelineConfig config, ModelStageMode mode, TimeProvider clock, IStageConsole console, out string? error, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);
        console.Headline("models", $" ({mode.ToString().ToLowerInvariant()}): {config.Paths.Models}");
        ModelStageResult result;
        try
        {
            // On the demo the oracle's ceiling is reported beside the stalled-deal model's AUC.
            var oracle = config.Source.Kind == SourceKind.Demo ? new DemoStallOracle(config.Source.Demo) : null;
            result = new ModelStage(clock) { StallOracle = oracle }.Run(config, mode, new SynchronousProgress<string>(console.Detail), runId);
        }
        catch (Exception e) when (e is ModelStageException or ModelTrainingException or ModelFileException)
        {
            console.Error(e.Message);
            error = e.Message;
            return null;
        }

        console.Scored(result);
        error = null;
        return result;
    }
}
