using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using Analytics.Reports.Pdf;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

public static partial class ProgramQbrPack
{
    /// <summary>
    /// The metrics the appendix defines, in the pack's page order (catalog.metrics names); their words are in the YAML of
    /// the model or table holding each (<c>metrics:</c>), loaded into <c>catalog.metrics</c> by the transform.
    /// </summary>
    public static IReadOnlyList<string> AppendixMetrics { get; } =
    [
        "credited_arr", "target_attainment", "partner_share_of_new_pipeline", "win_rate", "cycle_time", "registration_sla", "conflict_slas", "tier_review",
        "stalled_deal_score", "tier_readiness", "forecast",
    ];

    /// <summary>
    /// The definitions the appendix prints, read from <c>catalog.metrics</c>: each metric's label, and its definition
    /// followed by the warehouse tables its figures are in, in <see cref="AppendixMetrics"/> order.
    /// </summary>
    /// <exception cref="ReportException">A metric of <see cref="AppendixMetrics"/> is not in the catalog.</exception>
    public static IReadOnlyList<(string Metric, string Definition)> ReadDefinitions(ReportWarehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        // Only the warehouse tables of 'see': its documents (docs/models.md) mean nothing to the pack's readers.
        var metrics = warehouse.Query("""
            select metric_name, label, definition, array_to_string(list_filter(see, s -> s not like '%/%' and s not like '%.md'), ', ')
            from catalog.metrics
            """,
                r => (Name: r.GetString(0), Label: r.GetString(1), Definition: r.GetString(2), See: r.GetString(3)))
            .ToDictionary(m => m.Name, StringComparer.Ordinal);
        return AppendixMetrics.Select(name => metrics.TryGetValue(name, out var m)
            ? (m.Label, m.See.Length == 0 ? m.Definition : $"{m.Definition} Warehouse columns: {m.See}.")
            : throw new ReportException($"catalog.metrics has no metric '{name}', which the program pack's appendix defines; rebuild the warehouse (analytics transform)."))
            .ToList();
    }

    private static void Appendix(ReportDocument document, ProgramQbrData data, IReadOnlyList<(string Metric, string Definition)> definitions)
    {
        var page = document.AddPage("Appendix: definitions", "How each figure in this pack is computed, and the warehouse columns that hold it");
        foreach (var (metric, definition) in definitions)
        {
            var height = TextBlock.Measure(page.Graphics, page.Content.Width, definition, ReportFonts.Body) + 20;
            if (!page.Fits(height))
            {
                page = document.AddPage("Appendix: definitions (continued)");
            }

            Caption(page, metric);
            Paragraph(page, definition);
        }

        var snapshot = data.Snapshot;
        page = document.AddPage("Appendix: data and models", snapshot.Provenance);
        Paragraph(page, $"Snapshot {snapshot.SnapshotDate:yyyy-MM-dd}: every figure is computed from the lake files data/lake/raw/<entity>/snapshot_date="
            + $"{snapshot.SnapshotDate:yyyy-MM-dd}/ by transform run {snapshot.RunId} (catalog.builds). Reproduce any table with analytics sql, e.g. "
            + $"select * from marts.program_quarterly where fiscal_quarter = '{data.Quarter}'.");
        var tests = data.Tests;
        Caption(page, $"Data tests: {tests.Passed} passed, {tests.Warned} warned, {tests.Failed} failed, {tests.Skipped} skipped (catalog.tests)");
        foreach (var line in tests.NotPassed.Take(12))
        {
            Paragraph(page, "• " + line, ReportFonts.Small);
        }

        if (tests.NotPassed.Count > 12)
        {
            Paragraph(page, $"… and {tests.NotPassed.Count - 12} more: select * from catalog.tests where status <> 'passed'.", ReportFonts.Small, Palette.Muted);
        }

        Caption(page, "Models that scored this snapshot (scores.models, catalog.model_evaluations)");
        foreach (var m in data.Models)
        {
            if (!page.Fits(60))
            {
                page = document.AddPage("Appendix: data and models (continued)");
            }

            Paragraph(page, $"{m.Model}: version {m.Version}, trained on the snapshot of {m.TrainingSnapshot} with {NumberFormat.Count(m.TrainingOutcomes)} outcomes"
                + (m.IsThin ? " (THIN: fewer outcomes than models.*.min_outcomes; read its scores with care)." : "."), ReportFonts.BodyBold);
            Paragraph(page, string.Join("; ", m.Metrics.Select(x =>
                $"{x.Metric.Replace('_', ' ')} {(x.Metric.Contains("mape") || x.Metric.EndsWith("_pp") ? x.Value.ToString("0.0", CultureInfo.InvariantCulture) + (x.Metric.EndsWith("_pp") ? " pp" : "%") : x.Value.ToString("0.000", CultureInfo.InvariantCulture))} ({x.Window})")), ReportFonts.Small);
        }
    }
}
