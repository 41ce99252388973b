using System.CommandLine;
using Analytics.Models.Scoring;

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
        command.SetAction(parsed => ModelReport.Run(context, context.LoadConfig(parsed), ModelStageMode.Score));
        return command;
    }
}
