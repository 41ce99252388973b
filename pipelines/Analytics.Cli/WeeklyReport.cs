using Analytics.Pipelines.Configuration;
using Analytics.Reports.Delivery;
using Analytics.Reports.Pdf;
using Analytics.Reports.Weekly;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>Runs the weekly email stage with progress lines and prints what was delivered.</summary>
internal static class WeeklyReport
{
    /// <summary>Builds and delivers <paramref name="week"/>'s emails; returns the exit code (1 when any send failed).</summary>
    public static async Task<int> RunAsync(CommandContext context, PipelineConfig config, IsoWeek? week, CancellationToken ct) =>
        (await DeliverAsync(context, config, week, ct)).Delivery.AllDelivered ? ExitCodes.Success : ExitCodes.RunFailed;

    /// <summary>Builds and delivers <paramref name="week"/>'s emails, printing what happened; returns the outcome.</summary>
    public static async Task<WeeklyOutcome> DeliverAsync(CommandContext context, PipelineConfig config, IsoWeek? week, CancellationToken ct)
    {
        var console = context.Console;
        PdfSetup.Initialize();
        var transport = WeeklyEmails.Transport(config, Environment.GetEnvironmentVariable, context.Clock);
        console.MarkupLineInterpolated($"[blue]email[/]: weekly scorecards by {transport.Describe()}");
        var outcome = await WeeklyEmails.RunAsync(config, week, transport, context.Clock,
            new SynchronousProgress<string>(line => console.MarkupLineInterpolated($"  [grey]{line}[/]")), ct);
        var delivery = outcome.Delivery;
        console.MarkupLineInterpolated($"  {outcome.Week}: {outcome.Managers} managers, {outcome.Actions} actions in all; sent {delivery.Sent.Count}, already sent {outcome.AlreadySent + delivery.AlreadySent.Count}, failed {delivery.Failed.Count}");
        foreach (var failed in delivery.Failed)
        {
            console.MarkupLineInterpolated($"  [red]failed[/] {failed.Recipient} after {failed.Attempts} attempts: {failed.Error}");
        }

        if (transport is OutboxTransport outbox)
        {
            console.MarkupLineInterpolated($"  outbox: {Path.Combine(outbox.Root, outcome.Week.ToString())}");
        }

        console.MarkupLineInterpolated($"  ledger: {Path.Combine(config.Paths.Outbox, DeliveryLedger.FileName)} (catalog.deliveries)");
        return outcome;
    }
}
