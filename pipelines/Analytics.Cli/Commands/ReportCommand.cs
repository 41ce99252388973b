using System.CommandLine;
using Analytics.Orchestration.Stages;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics report qbr</c>: the quarter's QBR packs as PDF.</summary>
internal static class ReportCommand
{
    public static Command Create(CommandContext context)
    {
        var quarter = new Option<string?>("--quarter")
        {
            Description = "The closed fiscal quarter to review, e.g. 2026-Q3. Default: the last quarter closed before the warehouse's snapshot. A quarter that has not closed, or that the warehouse does not hold, is a usage error (exit 2).",
            HelpName = "YYYY-Qn",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.ToUpperInvariant() : string.Empty;
                if (text.Length == 7 && int.TryParse(text.AsSpan(0, 4), out _) && text[4] == '-' && text[5] == 'Q' && text[6] is >= '1' and <= '4')
                {
                    return text;
                }

                result.AddError($"--quarter must be a fiscal quarter written YYYY-Qn (e.g. 2026-Q3), not '{text}'.");
                return null;
            },
        };
        var partner = new Option<string[]>("--partner")
        {
            Description = "Only these partners' packs (active partner ids, repeatable); the program pack is always produced, and the manifest keeps the entries of the packs not regenerated. An id that is not an active partner's is a usage error (exit 2).",
            HelpName = "partner-id",
            AllowMultipleArgumentsPerToken = true,
        };
        var qbr = new Command("qbr",
            "Produce the QBR packs from the warehouse: the program pack and one pack per active partner, as PDF under "
            + "paths.reports/qbr/<quarter>/ with a manifest.json (snapshot, run id, pages, SHA-256 of each file). Every page footer names the "
            + "snapshot date and run id. Running it again for the same warehouse rewrites the same packs.")
        {
            quarter,
            partner,
        };
        qbr.SetAction(parsed =>
        {
            var only = parsed.GetValue(partner) is { Length: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null;
            QbrStage.Produce(context.LoadConfig(parsed), parsed.GetValue(quarter), only, unlessDone: false, context.Stages);
            return ExitCodes.Success;
        });
        return new Command("report", "Produce reports from the warehouse.") { qbr };
    }
}
