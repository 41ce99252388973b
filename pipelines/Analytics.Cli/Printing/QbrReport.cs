using Analytics.Reports.Qbr;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints where a quarter's QBR packs are.</summary>
internal static class QbrReport
{
    /// <summary>The program pack, the partner packs and the manifest, with pages and time.</summary>
    public static void Print(IAnsiConsole console, QbrOutcome outcome)
    {
        var partnerPacks = outcome.Files.Count(f => f.Kind == "partner");
        console.MarkupLineInterpolated($"  program pack: {Path.Combine(outcome.Folder, outcome.Files[0].File)} ({outcome.Files[0].Pages} pages)");
        var rendered = outcome.Rendered - 1;
        var partners = Path.Combine(outcome.Folder, "partners");
        if (rendered == partnerPacks && outcome.Complete)
        {
            console.MarkupLineInterpolated($"  partner packs: {partnerPacks} in {partners}");
        }
        else
        {
            var coverage = outcome.Complete ? "one per active partner" : "not yet one per active partner: run it without --partner for the rest";
            console.MarkupLineInterpolated($"  partner packs: {rendered} rendered in {partners}; the manifest lists {partnerPacks}, {coverage}");
        }

        console.MarkupLineInterpolated($"  {outcome.Rendered} PDFs rendered in {outcome.ElapsedMs / 1000.0:0.0} s; manifest {Path.Combine(outcome.Folder, QbrPacks.ManifestFile)}: {outcome.Files.Count} PDFs, {outcome.Pages} pages");
    }
}
