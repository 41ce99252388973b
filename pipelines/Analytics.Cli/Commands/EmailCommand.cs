using System.CommandLine;
using Analytics.Orchestration.Stages;
using Analytics.Reports.Weekly;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics email weekly</c>: one scorecard email per partner manager.</summary>
internal static class EmailCommand
{
    public static Command Create(CommandContext context)
    {
        var week = new Option<IsoWeek?>("--week")
        {
            Description = "The ISO week, e.g. 2026-W47. It must be the week of the warehouse's snapshot (the default): emails are never built from another week's data.",
            HelpName = "YYYY-Www",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (IsoWeek.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--week must be an ISO week written YYYY-Www (e.g. 2026-W47), not '{text}'.");
                return null;
            },
        };
        var weekly = new Command("weekly",
            "Build and deliver the weekly scorecard emails: one per partner manager, about that manager's partners only (registrations and "
            + "pending decisions, protections expiring within 7 days, stalled deals, tier progress, sourced pipeline week over week), HTML with a "
            + "plain-text part and the partners' one-page scorecards as PDF. Delivered as .eml files to paths.outbox/<week>/ or by SMTP "
            + "(delivery: in pipeline.yaml). The ledger paths.outbox/deliveries.jsonl (also catalog.deliveries) makes a second run of the same "
            + "week send nothing; a failed send is retried with backoff, reported, and does not stop the others (exit code 1).")
        {
            week,
        };
        weekly.SetAction(async (parsed, ct) =>
        {
            var config = context.LoadConfig(parsed);
            var outcome = await WeeklyStage.DeliverAsync(config, parsed.GetValue(week), context.Clock, context.Stages, ct);
            CatalogBookkeeping.Load(config, null, context.Stages.Detail); // the ledger into catalog.deliveries, as at the end of a run
            return outcome.Delivery.AllDelivered ? ExitCodes.Success : ExitCodes.RunFailed;
        });
        return new Command("email", "Build and deliver emails.") { weekly };
    }
}
