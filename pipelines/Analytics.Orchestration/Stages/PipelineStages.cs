using System.Globalization;
using Analytics.Models.Scoring;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Diagnostics;
using Analytics.Pipelines.Extraction;
using Analytics.Sources.Salesforce.Api;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Transforms;
using Analytics.Reports.Data;
using Analytics.Reports.Delivery;
using Analytics.Reports.Qbr;
using Analytics.Reports.Configuration;
using Analytics.Orchestration.Configuration;

namespace Analytics.Orchestration.Stages;

/// <summary>
/// The real stages as steps of a run, in one direction (extract → lake → transform → warehouse → scores → QBR packs and
/// emails), telling <paramref name="console"/> what they do. Failures a retry cannot cure (a refused extract, a failed
/// data test, bad configuration, a stale lake, no snapshot of the run's date) are permanent; the rest are retried.
/// </summary>
/// <param name="config">The configuration.</param>
/// <param name="clock">The clock (stamps, freshness, the emails' dates).</param>
/// <param name="console">Where the stages' lines, progress and outcomes go.</param>
public sealed class PipelineStages(PipelineConfig config, TimeProvider clock, IStageConsole console) : IPipelineStages
{
    /// <inheritdoc/>
    public Task<StepResult> BackfillIfEmptyAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(step);
        var extractor = Extractor();
        var manifests = LakeBackfill.IfEmpty(extractor, config, step.Date, console, out var nothingToDo);
        return manifests is null ? new StepResult(nothingToDo!, 0) : Landed(manifests, extractor.Layout.Raw);
    });

    /// <inheritdoc/>
    public Task<StepResult> LandAsync(StepContext step, IReadOnlyList<DateOnly> dates, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(dates);
        var extractor = Extractor();
        console.Line($"backfilling {dates.Count} snapshot(s) from {dates.Min():yyyy-MM-dd} to {dates.Max():yyyy-MM-dd} into {extractor.Layout.Raw}");
        return Landed(LakeLanding.LandAll(extractor, dates, console), extractor.Layout.Raw);
    });

    /// <inheritdoc/>
    public Task<StepResult> ExtractAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(step);
        var extractor = Extractor();
        var manifest = LakeLanding.LandAll(extractor, [step.Date], console)[0];
        console.Extracted(manifest, extractor.Layout);
        var rows = manifest.Entities.Sum(e => e.Landed);
        var quarantined = manifest.Entities.Sum(e => e.Quarantined);
        return new StepResult(string.Create(CultureInfo.InvariantCulture, $"landed {step.Date:yyyy-MM-dd}: {rows:N0} rows, {quarantined:N0} quarantined"),
            rows, null, [extractor.Layout.Manifest(step.Date)]);
    });

    /// <inheritdoc/>
    public Task<StepResult> FreshnessAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(step);
        // A run for a past date (`run --date`) is judged as of the end of that date, not today.
        var now = clock.GetUtcNow();
        var endOfDate = new DateTimeOffset(step.Date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));
        var freshness = Freshness.Measure(config.Paths.Lake, now < endOfDate ? now : endOfDate, config.Runs.FreshnessMaxAgeHours);
        var line = freshness.Describe(config.Paths.Lake);
        if (!freshness.IsFresh)
        {
            console.Alarm($"freshness: {line}");
            throw new StepFailedException($"{line}: the lake has not been landed recently enough to report on (runs.freshness_max_age_hours)", permanent: true);
        }

        console.Headline("freshness", $": {line}");
        return new StepResult(line);
    });

    /// <inheritdoc/>
    public Task<StepResult> TransformAsync(StepContext step, bool fromRunDate, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(step);
        var result = TransformStage.Build(TransformStage.Request(config, fromRunDate ? step.Date : null) with { RunId = step.RunId }, clock, console);
        console.Transformed(result);
        var tests = new TestCounts(result.Tests.Count(t => t.Status == TestStatus.Passed), result.Tests.Count(t => t.Status == TestStatus.Warned),
            result.Tests.Count(t => t.Status == TestStatus.Failed), result.Tests.Count(t => t.Status == TestStatus.Skipped));
        var built = result.Models.Count(m => m.Status == ModelStatus.Built);
        var rows = result.Models.Where(m => m.Status == ModelStatus.Built).Sum(m => m.Rows ?? 0);
        var summary = string.Create(CultureInfo.InvariantCulture, $"snapshot {result.SnapshotDate:yyyy-MM-dd}: {built} of {result.Models.Count} models, {rows:N0} rows; tests {tests.Passed} passed, {tests.Warned} warned, {tests.Failed} failed");
        var outcome = new StepResult(summary, rows, tests, [result.WarehousePath]);
        if (!result.Succeeded)
        {
            var why = result.FailedModels.Select(m => $"model {m.Model.Name}: {m.Error}")
                .Concat(result.FailedTests.Select(t => $"test {t.Test.Name} on {t.Test.Model}: {t.Error ?? t.FailingRows.ToString("N0", CultureInfo.InvariantCulture) + " failing row(s)"}"));
            throw new StepFailedException($"the warehouse was not replaced: {string.Join("; ", why)} (failed build: {result.FailedBuildPath})", permanent: true) { Partial = outcome };
        }

        return outcome;
    });

    /// <inheritdoc/>
    public Task<StepResult> ScoreAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(step);
        var result = ScoreStage.Run(config, ModelStageMode.Auto, clock, console, out var error, step.RunId)
            ?? throw new StepFailedException(error ?? "the model stage failed", permanent: true);
        var rows = result.Models.Sum(m => m.RowsScored);
        var trained = result.Models.Where(m => m.Trained).Select(m => m.Model).ToList();
        return new StepResult(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows scored by {result.Models.Count(m => m.Skipped is null)} model(s)")
            + (trained.Count > 0 ? $"; retrained {string.Join(", ", trained)}" : string.Empty), rows, null, [config.Paths.Models]);
    });

    /// <inheritdoc/>
    public Task<StepResult> QbrAsync(StepContext step, CancellationToken ct) => Guard(() =>
    {
        var quarter = QbrStage.Produce(config, quarter: null, partners: null, unlessDone: true, console);
        return quarter is null
            ? new StepResult("no fiscal quarter has closed yet")
            : new StepResult($"QBR packs of {quarter}", null, null, [QbrPacks.Folder(config.Paths.Reports, quarter)]);
    });

    /// <inheritdoc/>
    public async Task<StepResult> WeeklyEmailsAsync(StepContext step, bool onlyWhenDue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (onlyWhenDue && !WeeklyDue(step.Date, config.Delivery.WeeklyDay))
        {
            console.Headline("email", $": weekly scorecards are due from {config.Delivery.WeeklyDay} of each week");
            return new StepResult($"not due: weekly scorecards go out from {config.Delivery.WeeklyDay} of each week", 0);
        }

        try
        {
            var outcome = await WeeklyStage.DeliverAsync(config, null, clock, console, CancellationToken.None);
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
            throw new StepFailedException(OperatorMessage.Of(e), permanent: true, e);
        }
    }

    /// <summary>Whether the week's emails are due: <paramref name="day"/> is on or after <paramref name="weeklyDay"/> in its ISO week (Monday first).</summary>
    public static bool WeeklyDue(DateOnly day, DayOfWeek weeklyDay) => IsoIndex(day.DayOfWeek) >= IsoIndex(weeklyDay);

    private static int IsoIndex(DayOfWeek d) => ((int)d + 6) % 7;

    private ExtractRunner Extractor() => LakeLanding.Extractor(config, null, clock);

    private static StepResult Landed(IReadOnlyList<SnapshotManifest> manifests, string raw)
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
            throw new StepFailedException(OperatorMessage.Of(e), permanent: true, e);
        }
    }

    /// <summary>
    /// Failures the same input would repeat: retrying them only delays the alert. (Storage failures, a full disk or an
    /// invalidated DuckDB database, are recognised for every step by the run executor, not here.)
    /// </summary>
    private static bool IsPermanent(Exception e) => e is ConfigurationException or DeliveryConfigurationException or ExtractFailedException
        or ReportException or TransformProjectException or ModelStageException or SnapshotNotLandedException
        or SalesforceException { Kind: not SalesforceErrorKind.Transient }
        or Analytics.Sources.HubSpot.Api.HubSpotException { Kind: not Analytics.Sources.HubSpot.Api.HubSpotErrorKind.Transient };
}
