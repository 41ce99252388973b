using System.CommandLine;
using Analytics.Models.Scoring;
using Analytics.Orchestration.Stages;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics score</c>: scores the warehouse's snapshot with the saved models.</summary>
internal static class ScoreCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("score",
            "Score the warehouse's snapshot with the saved models (training only a model that has no file yet): scores.stalled_deals, "
            + "scores.tier_readiness, scores.forecast, marts-side tables they need, scores.models and catalog.model_evaluations. "
            + "The warehouse is replaced atomically; running it twice with the same models gives the same scores.");
        command.SetAction(parsed => ScoreStage.Run(context.LoadConfig(parsed), ModelStageMode.Score, context.Clock, context.Stages, out _) is null ? ExitCodes.RunFailed : ExitCodes.Success);
        return command;
    }
}
