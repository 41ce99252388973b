using Analytics.Reports.Weekly;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints what the weekly email stage delivered.</summary>
internal static class WeeklyReport
{
    /// <summary>The week's counts, each failed send, the outbox folder (null: sent by SMTP) and the ledger.</summary>
    public static void Print(IAnsiConsole console, WeeklyOutcome outcome, string? outboxFolder, string ledgerPath)
    {
        var delivery = outcome.Delivery;
        console.MarkupLineInterpolated($"  {outcome.Week}: {outcome.Managers} managers, {outcome.Actions} actions in all; sent {delivery.Sent.Count}, already sent {outcome.AlreadySent + delivery.AlreadySent.Count}, failed {delivery.Failed.Count}");
        foreach (var failed in delivery.Failed)
        {
            console.MarkupLineInterpolated($"  [red]failed[/] {failed.Recipient} after {failed.Attempts} attempts: {failed.Error}");
        }

        if (outboxFolder is not null)
        {
            console.MarkupLineInterpolated($"  outbox: {outboxFolder}");
        }

        console.MarkupLineInterpolated($"  ledger: {ledgerPath} (catalog.deliveries)");
    }
}
