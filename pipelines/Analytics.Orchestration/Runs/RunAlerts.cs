using System.Globalization;
using System.Net;
using System.Text;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// The email operators get when a run fails: which job, which step, the error, every step's outcome and where the
/// run's record is. It goes through the same delivery as the scorecards (transport, retries, ledger), keyed by run id,
/// so an alert is never sent twice.
/// </summary>
public static class RunAlerts
{
    /// <summary>The ledger key of a run's alert.</summary>
    public static string DeliveryKey(string runId) => $"alert/{runId}";

    /// <summary>The alert for failed run <paramref name="run"/>, to <paramref name="operators"/>.</summary>
    public static OutgoingEmail Compose(RunRecord run, string from, IReadOnlyList<string> operators, string runFolder)
    {
        ArgumentNullException.ThrowIfNull(run);
        var failed = run.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed);
        var subject = $"[partner-analytics] {run.Job} run {RunHistoryTable.Name(run.Outcome)}"
            + (failed is null ? string.Empty : $" at {failed.Step}") + $" ({run.Date:yyyy-MM-dd}, run {run.RunId})";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The {run.Job} run {run.RunId} ({run.Trigger}) for {run.Date:yyyy-MM-dd} {RunHistoryTable.Name(run.Outcome)} on {run.Host}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Error: {run.Error}");
        text.AppendLine();
        text.AppendLine("Steps:");
        foreach (var step in run.Steps)
        {
            var detail = step.Error ?? step.Summary;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {step.Ordinal}. {step.Step}: {RunHistoryTable.Name(step.Outcome)}")
                + (step.Attempts > 1 ? $" after {step.Attempts} attempts" : string.Empty)
                + (step.DurationMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $" ({ms / 1000.0:0.0} s)") : string.Empty)
                + (detail is null ? string.Empty : ": " + detail));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Record: {Path.Combine(runFolder, RunHistory.FileName)}");
        text.AppendLine("Steps downstream of the failure did not run; the previous warehouse and reports are left as they were.");
        text.AppendLine("After fixing the cause, `analytics run` (or the next scheduled firing) re-runs the job; `analytics status` shows the history.");
        var plain = text.ToString();
        var html = "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933\">"
            + $"<pre style=\"font-family:Menlo,Consolas,monospace;font-size:13px;white-space:pre-wrap\">{WebUtility.HtmlEncode(plain)}</pre></body></html>";
        return new OutgoingEmail(DeliveryKey(run.RunId), "alerts", from, operators, subject, html, plain, []) { Kind = "run_alert" };
    }

    /// <summary>
    /// Sends the alert of <paramref name="run"/> when it did not succeed and there are operators; returns a line saying
    /// what happened (null when nothing was due). A delivery failure is reported in that line, never thrown: the run's
    /// own failure is what the caller reports.
    /// </summary>
    public static async Task<string?> SendAsync(RunRecord run, string from, IReadOnlyList<string> operators, string runFolder,
        IMailTransport transport, DeliveryLedger ledger, RetryPolicy retry, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Outcome is RunOutcome.Succeeded or RunOutcome.Cancelled or RunOutcome.Running || operators.Count == 0)
        {
            return null;
        }

        try
        {
            var report = await new Deliverer(transport, ledger, retry, clock: clock).DeliverAsync([Compose(run, from, operators, runFolder)], ct);
            return report.Failed.Count > 0
                ? $"the alert to {string.Join(", ", operators)} could not be sent: {report.Failed[0].Error}"
                : report.AlreadySent.Count > 0
                    ? $"the alert for run {run.RunId} was already sent"
                    : $"alert sent to {string.Join(", ", operators)} by {transport.Describe()}";
        }
        catch (Exception e) when (e is DeliveryConfigurationException or InvalidDataException or IOException)
        {
            return $"the alert to {string.Join(", ", operators)} could not be sent: {e.Message}";
        }
    }
}
