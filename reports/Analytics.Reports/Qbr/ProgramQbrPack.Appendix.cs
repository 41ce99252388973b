using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

public static partial class ProgramQbrPack
{
    /// <summary>The definitions printed in the appendix (DOMAIN.md, in the words the pack uses), with the mart holding each.</summary>
    public static IReadOnlyList<(string Metric, string Definition)> Definitions { get; } =
    [
        ("Credited ARR", "For a closed-won deal and one of its partner rows: ARR × attribution % / 100. Sourced ARR sums it over 'sourced' rows, influenced ARR over 'influenced' rows, by quarter of close. marts.partner_arr_quarterly, marts.program_quarterly."),
        ("Partner share of new pipeline", "ARR of partner-touched new-business deals created in the quarter / ARR of all new-business deals created in it. Benchmark about 35 %. marts.program_quarterly."),
        ("Win rate", "Won / (won + lost) of deals closed in the quarter, by motion. Delta vs direct in percentage points. Mix-adjusted: against the win rate direct would have had on the same segment × ARR-band mix. marts.win_rates."),
        ("Cycle time", "Days from creation to close of deals closed in the quarter; median by motion. marts.cycle_times."),
        ("Registration SLA", "A deal registration should be decided within 48 hours of submission; shares are of decided registrations. marts.registration_sla."),
        ("Conflict SLAs", "A conflict should be acknowledged within 24 hours and have a resolution plan within 5 business days. marts.conflicts_quarterly, marts.conflict_rate_quarterly."),
        ("Tier review", "Each criterion's value against the tier's threshold in pipeline.yaml; missing one criterion by less than the grace margin gives one quarter of grace instead of a downgrade. marts.tier_checklist, marts.tier_reviews."),
        ("Stalled-deal score", "Probability (0-100) that an open partner deal neither advances a stage nor closes won within 30 days, from a model trained only on what each past snapshot knew; reasons are the three largest contributions. scores.stalled_deals, docs/models.md."),
        ("Tier readiness", "Probability that a partner meets the next tier's criteria at the next review, from past quarter transitions. scores.tier_readiness."),
        ("Forecast", "Partner-sourced ARR expected to close in the current quarter: won to date + open pipeline × conversion by motion, stage and days left + an allowance for pipeline not yet created; back-tested on past quarters. scores.forecast."),
    ];

    private static void Appendix(ReportDocument document, ProgramQbrData data)
    {
        var page = document.AddPage("Appendix: definitions", "How each figure in this pack is computed, and the table it comes from");
        foreach (var (metric, definition) in Definitions)
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
