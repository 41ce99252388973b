using System.Globalization;
using Analytics.Cli.Dictionary;
using Analytics.Cli.Printing;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Jobs;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Transforms;
using Analytics.Pipelines.Warehouse;
using Analytics.Reports.Delivery;
using Analytics.Reports.Qbr;
using Hangfire;

namespace Analytics.Cli.WebConsole;

/// <summary>
/// The console's pages, read from what the pipeline already writes, with the readers the commands use: the run
/// history (<see cref="RunHistory"/>), the lake's freshness (<see cref="Freshness"/>), the Hangfire storage's recurring
/// jobs, the QBR manifests (<see cref="QbrPacks"/>), the delivery ledger (<see cref="DeliveryLedger"/>) and the
/// warehouse's catalog (<see cref="WarehouseDictionary"/>). Read-only: nothing here writes.
/// </summary>
internal sealed class ConsoleSite(PipelineConfig config, JobStorage storage, TimeProvider clock)
{
    private const string Stamp = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The Hangfire storage whose schedule the console shows (and whose dashboard it mounts).</summary>
    public JobStorage Storage => storage;

    /// <summary>The runs, newest first.</summary>
    public string Runs()
    {
        var warnings = new List<string>();
        var runs = new RunHistory(config.Paths.Runs).ReadAll(warnings.Add);
        var html = new Html();
        foreach (var warning in warnings)
        {
            html.Paragraph(warning, "warn");
        }

        if (runs.Count == 0)
        {
            html.Paragraph($"No runs recorded in {config.Paths.Runs} yet.", "muted");
        }

        html.Table(["run", "job", "trigger", "date", "started (UTC)", "seconds", "outcome", "failed step / error"], runs.Select(r => (IReadOnlyList<Action<Html>>)
        [
            Html.LinkCell("/runs/" + Html.Segment(r.RunId), r.RunId), Html.Cell(r.Job), Html.Cell(r.Trigger), Html.Cell(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Html.Cell(r.StartedAt.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)), Html.Cell(Seconds(r.DurationMs)),
            Html.Cell(Word(r.Outcome), Class(r.Outcome)), Html.Cell(r.Error),
        ]), id: "runs");
        return html.Page("Runs");
    }

    /// <summary>One run with its steps and the files its folder holds; null when there is no such run.</summary>
    public string? Run(string runId)
    {
        var history = new RunHistory(config.Paths.Runs);
        var run = history.ReadAll().FirstOrDefault(r => r.RunId == runId);
        if (run is null)
        {
            return null;
        }

        var html = new Html();
        html.Paragraph($"{run.Job} run for {run.Date:yyyy-MM-dd}, {run.Trigger}, on {run.Host} (pid {run.ProcessId}); started {run.StartedAt.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)} UTC"
            + (run.FinishedAt is { } f ? $", finished {f.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)} UTC ({Seconds(run.DurationMs)} s)" : ", not finished"));
        html.Raw("<p>outcome: ").Raw($"<span class=\"{Class(run.Outcome)}\" id=\"outcome\">").Text(Word(run.Outcome)).Raw("</span></p>\n");
        if (run.Error is not null)
        {
            html.Raw("<p>error: <span class=\"bad\">").Text(run.Error).Raw("</span></p>\n");
        }

        html.Heading(2, "Steps");
        html.Table(["#", "step", "outcome", "attempts", "started (UTC)", "seconds", "rows", "tests (passed/warned/failed/skipped)", "what it did / error"], run.Steps.Select(s => (IReadOnlyList<Action<Html>>)
        [
            Html.Cell(s.Ordinal), Html.Cell(s.Step), Html.Cell(s.Outcome.ToString().ToLowerInvariant(), Class(s.Outcome)), Html.Cell(s.Attempts),
            Html.Cell(s.StartedAt?.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)), Html.Cell(Seconds(s.DurationMs)), Html.Cell(s.Rows),
            Html.Cell(s.Tests is { } t ? $"{t.Passed}/{t.Warned}/{t.Failed}/{t.Skipped}" : null),
            s.Error is null ? Html.Cell(s.Summary) : Html.Cell(s.Error, "bad"),
        ]), id: "steps");
        var folder = history.RunFolder(run.RunId);
        html.Heading(2, "Log");
        var logs = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        if (logs.Count == 0)
        {
            html.Paragraph("The run kept no log file; its record (run.json):", "muted");
            html.Raw("<pre>").Text(File.Exists(Path.Combine(folder, RunHistory.FileName)) ? File.ReadAllText(Path.Combine(folder, RunHistory.FileName)) : string.Empty).Raw("</pre>\n");
        }

        foreach (var log in logs)
        {
            html.Paragraph(Path.GetRelativePath(folder, log), "muted");
            html.Raw("<pre>").Text(File.ReadAllText(log)).Raw("</pre>\n");
        }

        return html.Page($"Run {run.RunId}");
    }

    /// <summary>The lake's freshness, per entity, and the next firings of the schedules.</summary>
    public string Freshness()
    {
        var now = clock.GetUtcNow();
        var freshness = Orchestration.Jobs.Freshness.Measure(config.Paths.Lake, now, config.Runs.FreshnessMaxAgeHours);
        var html = new Html();
        html.Raw($"<p id=\"freshness\" class=\"{(freshness.IsFresh ? "ok" : "bad")}\">").Text(freshness.Describe(config.Paths.Lake)).Raw("</p>\n");
        html.Heading(2, $"Newest snapshot per source entity (source: {config.Source?.Kind.ToString().ToLowerInvariant() ?? "none configured"})");
        var raw = new LakeLayout(config.Paths.Lake).Raw;
        var entities = Directory.Exists(raw) ? Directory.EnumerateDirectories(raw).Order(StringComparer.Ordinal).ToList() : [];
        html.Table(["entity", "newest snapshot", "age (h)", "snapshots"], entities.Select(folder =>
        {
            var dates = Directory.EnumerateDirectories(folder, "snapshot_date=*").Select(d => DateOnly.TryParseExact(Path.GetFileName(d)["snapshot_date=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
                .OfType<DateOnly>().ToList();
            var newest = dates.Count == 0 ? (DateOnly?)null : dates.Max();
            var age = newest is { } n ? (now.UtcDateTime - n.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalHours : (double?)null;
            return (IReadOnlyList<Action<Html>>)
            [
                Html.Cell(Path.GetFileName(folder)), Html.Cell(newest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"),
                Html.Cell(age?.ToString("0.#", CultureInfo.InvariantCulture), age is { } a && a <= config.Runs.FreshnessMaxAgeHours ? "ok" : "bad"), Html.Cell(dates.Count),
            ];
        }), id: "entities");
        html.Heading(2, $"Next firings (schedules: in {config.Schedules.TimeZone.Id})");
        html.Table(["job", "cron", "time zone", "next (UTC)", "last fired (UTC)", "steps"], PipelineScheduler.NextFirings(storage).Select(f => (IReadOnlyList<Action<Html>>)
        [
            Html.Cell(f.Job), Html.Cell(f.Cron), Html.Cell(f.TimeZone), Html.Cell(f.Next?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"),
            Html.Cell(f.Previous?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "not yet"),
            Html.Cell(JobCatalog.Scheduled.Contains(f.Job) ? string.Join(", ", JobCatalog.StepNames(f.Job)) : string.Empty),
        ]), id: "firings");
        return html.Page("Freshness and schedules");
    }

    /// <summary>The QBR packs, per quarter, newest first.</summary>
    public string Packs()
    {
        var html = new Html();
        var quarters = Quarters();
        if (quarters.Count == 0)
        {
            html.Paragraph($"No QBR packs in {Path.Combine(config.Paths.Reports, "qbr")} yet: the quarterly job (or `analytics report qbr`) makes them.", "muted");
        }

        foreach (var (quarter, manifest) in quarters)
        {
            html.Heading(2, $"{quarter}: {manifest.Files.Count} packs, {manifest.Pages} pages, snapshot {manifest.SnapshotDate:yyyy-MM-dd}, run {manifest.RunId}{(manifest.Complete ? string.Empty : " (incomplete)")}");
            html.Table(["pack", "partner", "file", "pages", "sha256"], manifest.Files.Select(f => (IReadOnlyList<Action<Html>>)
            [
                Html.Cell(f.Kind), Html.Cell(f.PartnerId), Html.LinkCell($"/packs/{Html.Segment(quarter)}/{string.Join('/', f.File.Split('/').Select(Html.Segment))}", f.File),
                Html.Cell(f.Pages), Html.Cell(f.Sha256[..Math.Min(12, f.Sha256.Length)], "muted"),
            ]));
        }

        return html.Page("QBR packs");
    }

    /// <summary>A pack's file, when <paramref name="quarter"/>'s manifest lists <paramref name="file"/>; null otherwise.</summary>
    public string? PackFile(string quarter, string file)
    {
        var manifest = Quarters().FirstOrDefault(q => q.Quarter == quarter).Manifest;
        return manifest is not null && manifest.Files.Any(f => f.File == file) ? SafeFile.Resolve(QbrPacks.Folder(config.Paths.Reports, quarter), file) : null;
    }

    /// <summary>The weekly emails per ISO week, newest first, with recipients and delivery status from the ledger.</summary>
    public string Emails()
    {
        var html = new Html();
        var weeks = WeeklyDeliveries();
        if (weeks.Count == 0)
        {
            html.Paragraph($"No weekly emails in the delivery ledger {DeliveryLedger.ForOutbox(config.Paths.Outbox).Path} yet.", "muted");
        }

        foreach (var week in weeks)
        {
            html.Heading(2, $"{week.Key}: {week.Count(d => d.Status == DeliveryStatus.Sent)} sent, {week.Count(d => d.Status == DeliveryStatus.Failed)} failed");
            html.Table(["recipients", "subject", "status", "attempts", "at (UTC)", "transport", "email", "error"], week.Select(d => (IReadOnlyList<Action<Html>>)
            [
                Html.Cell(string.Join(", ", d.Recipients)), Html.Cell(d.Subject), Html.Cell(d.Status.ToString().ToLowerInvariant(), d.Status == DeliveryStatus.Sent ? "ok" : "bad"),
                Html.Cell(d.Attempts), Html.Cell(d.At.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)), Html.Cell(d.Transport),
                d.File is { } file ? Html.LinkCell($"/emails/{Html.Segment(week.Key)}/{Html.Segment(Path.GetFileName(file))}", Path.GetFileName(file)) : Html.Cell(null),
                Html.Cell(d.Error, "bad"),
            ]));
        }

        return html.Page("Weekly emails");
    }

    /// <summary>A weekly email (.eml) the ledger lists for <paramref name="week"/> under that name; null otherwise.</summary>
    public string? EmailFile(string week, string name)
    {
        var listed = WeeklyDeliveries().FirstOrDefault(w => w.Key == week)?.Any(d => d.File is { } f && Path.GetFileName(f) == name) ?? false;
        return listed ? SafeFile.Resolve(Path.Combine(config.Paths.Outbox, week), name) : null;
    }

    /// <summary>The data dictionary: every table with its tests and their last results.</summary>
    public string Catalog()
    {
        var html = new Html();
        if (ReadCatalog(html) is not { } catalog)
        {
            return html.Page("Data dictionary");
        }

        html.Paragraph($"Warehouse {config.Paths.Warehouse}, DuckDB {catalog.Dictionary.DuckDbVersion}: {catalog.Dictionary.Tables.Count} tables and views.", "muted");
        html.Table(["table", "kind", "description", "tests", "last results"], catalog.Dictionary.Tables.Select(t =>
        {
            var results = t.Tests.Select(test => catalog.Results.GetValueOrDefault((t.Name, test.Name)).Status ?? "not run").ToList();
            var failing = results.Count(r => r is "failed" or "warned");
            return (IReadOnlyList<Action<Html>>)
            [
                Html.LinkCell("/catalog/" + Html.Segment(t.Name), t.Name), Html.Cell(t.IsView ? "view" : "table"), Html.Cell(t.Description), Html.Cell(t.Tests.Count),
                Html.Cell(t.Tests.Count == 0 ? string.Empty : failing == 0 ? $"{results.Count(r => r == "passed")} passed" : $"{failing} not passing", failing == 0 ? "ok" : "bad"),
            ];
        }), id: "tables");
        return html.Page("Data dictionary");
    }

    /// <summary>One table of the data dictionary; null when there is no such table.</summary>
    public string? CatalogTable(string name)
    {
        var html = new Html();
        if (ReadCatalog(html) is not { } catalog)
        {
            return html.Page(name);
        }

        var table = catalog.Dictionary.Tables.FirstOrDefault(t => t.Name == name);
        if (table is null)
        {
            return null;
        }

        html.Paragraph(table.Description ?? "(not described)");
        html.Paragraph($"grain: {table.Grain ?? "unknown"}; {(table.IsView ? "view" : "table")}; SQL: {table.SqlFile ?? "none (written by the pipeline)"}; reads: {(table.Reads.Count == 0 ? "nothing" : string.Join(", ", table.Reads))}", "muted");
        html.Heading(2, "Columns");
        html.Table(["column", "type", "description"], table.Columns.Select(c => (IReadOnlyList<Action<Html>>)[Html.Cell(c.Name), Html.Cell(c.Type), Html.Cell(c.Description)]));
        html.Heading(2, "Tests and their last results");
        html.Table(["test", "column", "type", "severity", "rule", "last result", "failing rows"], table.Tests.Select(t =>
        {
            var (status, failing) = catalog.Results.GetValueOrDefault((table.Name, t.Name));
            return (IReadOnlyList<Action<Html>>)
            [
                Html.Cell(t.Name), Html.Cell(t.Column), Html.Cell(t.Type), Html.Cell(t.Severity), Html.Cell(t.Description),
                Html.Cell(status ?? "not run", status == "passed" ? "ok" : status is "failed" or "warned" ? "bad" : "muted"), Html.Cell(failing),
            ];
        }), id: "tests");
        return html.Page(table.Name);
    }

    private (WarehouseDictionary Dictionary, Dictionary<(string Table, string Test), (string? Status, long? Failing)> Results)? ReadCatalog(Html html)
    {
        try
        {
            using var connection = QueryTable.OpenWarehouse(config);
            var dictionary = WarehouseDictionary.Read(connection);
            var results = WarehouseSql.Query(connection, "select model_name, test_name, status, failing_rows from catalog.tests",
                    r => (Key: (r.GetString(0), r.GetString(1)), Value: ((string?)r.GetString(2), r.IsDBNull(3) ? (long?)null : Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture))))
                .ToDictionary(x => x.Key, x => x.Value);
            return (dictionary, results);
        }
        catch (TransformRunException e)
        {
            html.Paragraph(e.Message, "warn");
            return null;
        }
    }

    private List<(string Quarter, QbrOutcome Manifest)> Quarters()
    {
        var root = Path.Combine(config.Paths.Reports, "qbr");
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(d => (Quarter: Path.GetFileName(d), Manifest: QbrPacks.ReadManifest(d)))
                .Where(q => q.Manifest is not null).Select(q => (q.Quarter, q.Manifest!)).OrderByDescending(q => q.Quarter, StringComparer.Ordinal).ToList()
            : [];
    }

    // The ledger's weekly_scorecard records grouped by the week of their delivery key (weekly/<week>/<manager>), newest week first.
    private List<IGrouping<string, DeliveryRecord>> WeeklyDeliveries() =>
        DeliveryLedger.ForOutbox(config.Paths.Outbox).Read()
            .Where(d => d.DeliveryKey.StartsWith("weekly/", StringComparison.Ordinal) && d.DeliveryKey.Split('/').Length >= 3)
            .GroupBy(d => d.DeliveryKey.Split('/')[1]).OrderByDescending(g => g.Key, StringComparer.Ordinal).ToList();

    private static string? Seconds(long? ms) => ms is { } m ? (m / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : null;

    private static string Word(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Class(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => "ok",
        RunOutcome.Running => "warn",
        _ => "bad",
    };

    private static string Class(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => "ok",
        StepOutcome.Failed => "bad",
        _ => "muted",
    };
}
