using System.Globalization;
using Analytics.Pipelines.Transforms;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>Prints a transform's outcome: what was built, what warned, what failed and why.</summary>
internal static class TransformReport
{
    /// <summary>Prints what a build did, what warned and what failed; returns the exit code (0 built, 1 failed).</summary>
    public static int Print(IAnsiConsole console, TransformResult result)
    {
        var built = result.Models.Count(m => m.Status == ModelStatus.Built);
        var seconds = (result.FinishedAt - result.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var asOf = result.RequestedAsOf is { } requested && requested != result.SnapshotDate ? $" (latest on or before --as-of {requested:yyyy-MM-dd})" : string.Empty;
        console.MarkupLineInterpolated($"snapshot {result.SnapshotDate:yyyy-MM-dd}{asOf}, run {result.RunId}: {built} of {result.Models.Count} models built in {seconds} s");
        var tests = result.Tests;
        console.MarkupLineInterpolated($"data tests: {tests.Count(t => t.Status == TestStatus.Passed)} passed, {tests.Count(t => t.Status == TestStatus.Warned)} warned, {tests.Count(t => t.Status == TestStatus.Failed)} failed, {tests.Count(t => t.Status == TestStatus.Skipped)} skipped");

        foreach (var warned in tests.Where(t => t.Status == TestStatus.Warned))
        {
            console.MarkupLineInterpolated($"[yellow]warn[/] {warned.Test.Name}: {warned.FailingRows:N0} failing row(s){Where(warned)}");
        }

        if (result.Succeeded)
        {
            console.MarkupLineInterpolated($"[green]warehouse:[/] {result.WarehousePath}");
            return ExitCodes.Success;
        }

        foreach (var model in result.FailedModels)
        {
            console.MarkupLineInterpolated($"[red]model failed[/] {model.Model.Name}: {model.Error}");
        }

        foreach (var failed in result.FailedTests)
        {
            console.MarkupLineInterpolated($"[red]test failed[/] {failed.Test.Name} on {failed.Test.Model} (severity error): {(failed.Error ?? $"{failed.FailingRows:N0} failing row(s)")}{Where(failed)}");
            if (failed.Sample.Count > 0)
            {
                var table = new Table().AddColumns(failed.Sample[0].Keys.Select(Markup.Escape).ToArray());
                foreach (var row in failed.Sample)
                {
                    table.AddRow(row.Values.Select(v => Markup.Escape(Results.CellText.Of(v))).ToArray());
                }

                console.Write(table);
            }
        }

        var skipped = result.Models.Where(m => m.Status == ModelStatus.Skipped).Select(m => m.Model.Name).ToList();
        if (skipped.Count > 0)
        {
            console.MarkupLineInterpolated($"not built (downstream of a failure): {string.Join(", ", skipped)}");
        }

        console.MarkupLineInterpolated($"[red]the transform failed;[/] the previous warehouse is left in place: {result.WarehousePath}");
        console.MarkupLineInterpolated($"failed build kept for inspection (failing rows in schema test_failures): {result.FailedBuildPath}");
        return ExitCodes.RunFailed;
    }

    private static string Where(TestOutcome outcome) => outcome.FailuresTable is null ? string.Empty : $" (rows in {outcome.FailuresTable})";
}
