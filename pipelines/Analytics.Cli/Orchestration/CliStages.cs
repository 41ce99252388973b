using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Transforms;
using Analytics.Reports.Data;
using Analytics.Reports.Delivery;
using Analytics.Reports.Qbr;
using Spectre.Console;
using Analytics.Reports.Configuration;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli.Orchestration;

/// <summary>
/// The real stages as steps of a run, printing what they do as the single commands do. Failures a retry cannot cure
/// (a refused extract, a failed data test, bad configuration, a stale lake) are permanent; the rest are retried.
/// </summary>
internal sealed class CliStages(CommandContext context, PipelineConfig config) : IPipelineStages
{
    /// <summary>
    /// Lands backfill.months of history when the lake is empty. The dates are written to <c>lake/backfill.json</c>
    /// first and marked complete last, so a backfill killed half-way is finished by the next run (which lands only the
    /// dates still missing) instead of being mistaken for a lake that already has its history.
    /// </summary>
    public Task<StepResult> BackfillIfEmptyAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var extractor = context.Extractor(config, null);
        var landed = extractor.Layout.LandedDates();
        var markerPath = Path.Combine(extractor.Layout.Root, "backfill.json");
        var marker = File.Exists(markerPath) ? JsonSerializer.Deserialize<BackfillMarker>(File.ReadAllText(markerPath)) : null;
        if (marker is { Complete: true } || (marker is null && landed.Count > 0))
        {
            return new StepResult($"the lake already holds {landed.Count} snapshot(s) ({landed.Min():yyyy-MM-dd} to {landed.Max():yyyy-MM-dd}); nothing to backfill", 0);
        }

        if (marker is null)
        {
            // Counted back from the run's date, which the extract step then lands. A source that cannot travel back in
            // time (files) offers only the dates it really holds: the same export is never landed under invented dates.
            var from = step.Date.AddMonths(-config.Backfill.Months);
            var canTimeTravel = extractor.Source.HistoryDates(from, step.Date) is null;
            var planned = SnapshotSchedule.Backfill(extractor.Source, from, step.Date, config.Backfill.Every).Where(d => d != step.Date).ToList();
            marker = new BackfillMarker(planned, false);
            Directory.CreateDirectory(extractor.Layout.Root);
            File.WriteAllText(markerPath, JsonSerializer.Serialize(marker));
            if (canTimeTravel)
            {
                context.Console.MarkupLineInterpolated($"The lake is empty: landing {config.Backfill.Months} months of {config.Backfill.Every.ToString().ToLowerInvariant()}ly history ({planned.Count} snapshots) first.");
            }
            else if (planned.Count == 0)
            {
                context.Console.MarkupLineInterpolated(
                    $"The lake is empty, but the source {extractor.Source.Description} cannot travel back in time and holds no dated export folder (YYYY-MM-DD) from {from:yyyy-MM-dd} to {step.Date:yyyy-MM-dd}: no history is backfilled; only the snapshot of {step.Date:yyyy-MM-dd} is landed.");
            }
            else
            {
                context.Console.MarkupLineInterpolated(
                    $"The lake is empty: landing the {planned.Count} dated export folder(s) of the source {extractor.Source.Description} ({planned[0]:yyyy-MM-dd} to {planned[^1]:yyyy-MM-dd}) first; it cannot travel back in time, so no other dates are backfilled.");
            }
        }
        else
        {
            context.Console.MarkupLineInterpolated($"An interrupted backfill ({markerPath}) is finished first.");
        }

        var have = landed.ToHashSet();
        var dates = marker.Dates.Where(d => !have.Contains(d)).ToList();
        var result = Landed(context.LandAll(extractor, dates), extractor.Layout.Raw);
        File.WriteAllText(markerPath, JsonSerializer.Serialize(marker with { Complete = true }));
        return result;
    });

    private sealed record BackfillMarker(IReadOnlyList<DateOnly> Dates, bool Complete);

    public Task<StepResult> LandAsync(StepContext step, IReadOnlyList<DateOnly> dates, CancellationToken ct) => Guard(() =>
    {
        var extractor = context.Extractor(config, null);
        context.Console.MarkupLineInterpolated($"backfilling {dates.Count} snapshot(s) from {dates.Min():yyyy-MM-dd} to {dates.Max():yyyy-MM-dd} into {extractor.Layout.Raw}");
        return Landed(context.LandAll(extractor, dates), extractor.Layout.Raw);
    });

    public Task<StepResult> ExtractAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var extractor = context.Extractor(config, null);
        var manifest = context.LandAll(extractor, [step.Date])[0];
        context.PrintManifest(manifest, extractor.Layout);
        var rows = manifest.Entities.Sum(e => e.Landed);
        var quarantined = manifest.Entities.Sum(e => e.Quarantined);
        return new StepResult(string.Create(CultureInfo.InvariantCulture, $"landed {step.Date:yyyy-MM-dd}: {rows:N0} rows, {quarantined:N0} quarantined"),
            rows, null, [extractor.Layout.Manifest(step.Date)]);
    });

    public Task<StepResult> FreshnessAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        // A run for a past date (`run --date`) is judged as of the end of that date, not today.
        var now = context.Clock.GetUtcNow();
        var endOfDate = new DateTimeOffset(step.Date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));
        var freshness = Freshness.Measure(config.Paths.Lake, now < endOfDate ? now : endOfDate, config.Runs.FreshnessMaxAgeHours);
        var line = freshness.Describe(config.Paths.Lake);
        if (!freshness.IsFresh)
        {
            context.Console.MarkupLineInterpolated($"[red bold]freshness: {line}[/]");
            throw new StepFailedException($"{line}: the lake has not been landed recently enough to report on (runs.freshness_max_age_hours)", permanent: true);
        }

        context.Console.MarkupLineInterpolated($"[blue]freshness[/]: {line}");
        return new StepResult(line);
    });

    public Task<StepResult> TransformAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var result = TransformReport.Build(context, TransformRequest.From(config) with { RunId = step.RunId });
        var code = TransformReport.Print(context.Console, result);
        var tests = new TestCounts(result.Tests.Count(t => t.Status == TestStatus.Passed), result.Tests.Count(t => t.Status == TestStatus.Warned),
            result.Tests.Count(t => t.Status == TestStatus.Failed), result.Tests.Count(t => t.Status == TestStatus.Skipped));
        var built = result.Models.Count(m => m.Status == ModelStatus.Built);
        var rows = result.Models.Where(m => m.Status == ModelStatus.Built).Sum(m => m.Rows ?? 0);
        var summary = string.Create(CultureInfo.InvariantCulture, $"snapshot {result.SnapshotDate:yyyy-MM-dd}: {built} of {result.Models.Count} models, {rows:N0} rows; tests {tests.Passed} passed, {tests.Warned} warned, {tests.Failed} failed");
        var outcome = new StepResult(summary, rows, tests, [result.WarehousePath]);
        if (code != ExitCodes.Success)
        {
            var why = result.FailedModels.Select(m => $"model {m.Model.Name}: {m.Error}")
                .Concat(result.FailedTests.Select(t => $"test {t.Test.Name} on {t.Test.Model}: {t.Error ?? t.FailingRows.ToString("N0", CultureInfo.InvariantCulture) + " failing row(s)"}"));
            throw new StepFailedException($"the warehouse was not replaced: {string.Join("; ", why)} (failed build: {result.FailedBuildPath})", permanent: true) { Partial = outcome };
        }

        return outcome;
    });

    public Task<StepResult> ScoreAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var (code, result, error) = ModelReport.Execute(context, config, ModelStageMode.Auto);
        if (code != ExitCodes.Success || result is null)
        {
            throw new StepFailedException(error ?? "the model stage failed", permanent: true);
        }

        var rows = result.Models.Sum(m => m.RowsScored);
        var trained = result.Models.Where(m => m.Trained).Select(m => m.Model).ToList();
        return new StepResult(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows scored by {result.Models.Count(m => m.Skipped is null)} model(s)")
            + (trained.Count > 0 ? $"; retrained {string.Join(", ", trained)}" : string.Empty), rows, null, [config.Paths.Models]);
    });

    public Task<StepResult> QbrAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var quarter = QbrReport.Produce(context, config, quarter: null, unlessDone: true);
        return quarter is null
            ? new StepResult("no fiscal quarter has closed yet")
            : new StepResult($"QBR packs of {quarter}", null, null, [QbrPacks.Folder(config.Paths.Reports, quarter)]);
    });

    public async Task<StepResult> WeeklyEmailsAsync(StepContext step, bool onlyWhenDue, CancellationToken ct)
    {
        if (onlyWhenDue && !WeeklyDue(step.Date, config.Delivery.WeeklyDay))
        {
            context.Console.MarkupLineInterpolated($"[blue]email[/]: weekly scorecards are due from {config.Delivery.WeeklyDay} of each week");
            return new StepResult($"not due: weekly scorecards go out from {config.Delivery.WeeklyDay} of each week", 0);
        }

        try
        {
            var outcome = await WeeklyReport.DeliverAsync(context, config, null, CancellationToken.None);
            var delivery = outcome.Delivery;
            var summary = $"{outcome.Week}: sent {delivery.Sent.Count}, already sent {outcome.AlreadySent + delivery.AlreadySent.Count}, failed {delivery.Failed.Count}";
            if (!delivery.AllDelivered)
            {
                throw new StepFailedException($"{summary}: {string.Join("; ", delivery.Failed.Select(f => $"{f.Recipient}: {f.Error}"))}", permanent: false)
                {
                    Partial = new StepResult(summary, delivery.Sent.Count),
                };
            }

            return new StepResult(summary, delivery.Sent.Count, null, [Path.Combine(config.Paths.Outbox, outcome.Week.ToString())]);
        }
        catch (Exception e) when (IsPermanent(e))
        {
            throw new StepFailedException(e.Message, permanent: true, e);
        }
    }

    /// <summary>Whether the week's emails are due: <paramref name="day"/> is on or after <paramref name="weeklyDay"/> in its ISO week (Monday first).</summary>
    public static bool WeeklyDue(DateOnly day, DayOfWeek weeklyDay) => IsoIndex(day.DayOfWeek) >= IsoIndex(weeklyDay);

    private static int IsoIndex(DayOfWeek d) => ((int)d + 6) % 7;

    private static StepResult Landed(IReadOnlyList<Analytics.Pipelines.Lake.SnapshotManifest> manifests, string raw)
    {
        var rows = manifests.Sum(m => m.Entities.Sum(e => e.Landed));
        return new StepResult(string.Create(CultureInfo.InvariantCulture, $"{manifests.Count} snapshot(s), {rows:N0} rows landed"), rows, null, [raw]);
    }

    private static Task<StepResult> Guard(Func<StepResult> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception e) when (IsPermanent(e))
        {
            throw new StepFailedException(e.Message, permanent: true, e);
        }
    }

    /// <summary>
    /// Failures the same input would repeat: retrying them only delays the alert. (Storage failures, a full disk or an
    /// invalidated DuckDB database, are recognised for every step by the run executor, not here.)
    /// </summary>
    private static bool IsPermanent(Exception e) => e is ConfigurationException or DeliveryConfigurationException or ExtractFailedException
        or ReportException or TransformProjectException or ModelStageException;
}
