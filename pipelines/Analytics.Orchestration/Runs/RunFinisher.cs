using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;
using Analytics.Orchestration.Stages;
using Analytics.Reports.Weekly;
using Analytics.Orchestration.Configuration;
using Analytics.Reports.Configuration;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// What follows every run, whatever its outcome: the operators' alert when it did not succeed, old run records pruned,
/// and the bookkeeping step (<see cref="CatalogBookkeeping"/>: the run history and the delivery ledger copied into
/// <c>catalog.runs</c>, <c>catalog.run_steps</c> and <c>catalog.deliveries</c>). None of these can fail the run: each
/// problem becomes a warning line.
/// </summary>
public static class RunFinisher
{
    /// <summary>Finishes <paramref name="run"/>; <paramref name="report"/> hears one line per thing done or not done.</summary>
    public static async Task FinishAsync(PipelineConfig config, RunRecord run, Action<string> report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(report);
        var history = new RunHistory(config.Paths.Runs);
        if (run.Outcome is RunOutcome.Failed or RunOutcome.Interrupted)
        {
            if (config.Runs.AlertTo.Count == 0)
            {
                report("no alert email: runs.alert_to names no operators");
            }
            else
            {
                try
                {
                    var line = await RunAlerts.SendAsync(run, config.Delivery.From, config.Runs.AlertTo, history.RunFolder(run.RunId),
                        WeeklyEmails.Transport(config, Environment.GetEnvironmentVariable), DeliveryLedger.ForOutbox(config.Paths.Outbox, report),
                        RetryPolicy.From(config.Delivery.Retry), TimeProvider.System, ct);
                    if (line is not null)
                    {
                        report(line);
                    }
                }
                catch (DeliveryConfigurationException e)
                {
                    report($"the alert could not be sent: {e.Message}");
                }
            }
        }

        var runs = history.ReadAll(report);
        var kept = history.Prune(runs, config.Runs.Kept);
        if (kept.Count < runs.Count)
        {
            report($"pruned {runs.Count - kept.Count} old run record(s) (runs.kept: {config.Runs.Kept})");
        }

        CatalogBookkeeping.Load(config, kept, report);
    }
}
