using System.CommandLine;
using Analytics.Models.Scoring;
using Analytics.Orchestration.Stages;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics train</c>: retrains every model on the lake's history, then scores with them.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("train",
            "Retrain every model (stalled-deal score, tier readiness, pipeline forecast) on every landed snapshot, evaluate each on a later window "
            + "than it was trained on, save it as a readable file under paths.models with its evaluation in the ledger, then score the warehouse with it "
            + "(as `analytics score`). The warehouse is replaced atomically only when every model trained and scored.");
        command.SetAction(parsed => ScoreStage.Run(context.LoadConfig(parsed), ModelStageMode.Train, context.Clock, context.Stages, out _) is null ? ExitCodes.RunFailed : ExitCodes.Success);
        return command;
    }
}
