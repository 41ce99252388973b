using Analytics.Pipelines.Configuration;
using Analytics.Reports.Delivery;
using Analytics.Reports.Pdf;
using Analytics.Reports.Weekly;

namespace Analytics.Orchestration.Stages;

/// <summary>The weekly email stage: builds and delivers a week's scorecard emails, reading the warehouse only.</summary>
public static class WeeklyStage
{
    /// <summary>Builds and delivers <paramref name="week"/>'s emails (default: the warehouse's week), showing what happened; returns the outcome.</summary>
    public static async Task<WeeklyOutcome> DeliverAsync(PipelineConfig config, IsoWeek? week, TimeProvider clock, IStageConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);
        PdfSetup.Initialize();
        var transport = WeeklyEmails.Transport(config, Environment.GetEnvironmentVariable, clock);
        console.Headline("email", $": weekly scorecards by {transport.Describe()}");
        var outcome = await WeeklyEmails.RunAsync(config, week, transport, clock, new SynchronousProgress<string>(console.Detail), ct);
        console.WeeklyDelivered(outcome, transport is OutboxTransport outbox ? Path.Combine(outbox.Root, outcome.Week.ToString()) : null,
            Path.Combine(config.Paths.Outbox, DeliveryLedger.FileName));
        return outcome;
    }
}
