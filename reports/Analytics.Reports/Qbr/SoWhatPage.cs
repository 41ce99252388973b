using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using static Analytics.Reports.Qbr.PackLayout;

namespace Analytics.Reports.Qbr;

/// <summary>Draws a <see cref="SoWhat"/> as the page at the front of a pack.</summary>
internal static class SoWhatPage
{
    /// <summary>Adds the page to <paramref name="document"/>.</summary>
    public static void Draw(ReportDocument document, string heading, string quarter, string? previous, SoWhat soWhat)
    {
        var page = document.AddPage(heading, $"{quarter}: what changed, against target, and what we ask next quarter");
        Caption(page, previous is null ? "What changed" : $"What changed against {previous}");
        if (soWhat.Changes.Count == 0)
        {
            Paragraph(page, previous is null ? "No earlier quarter to compare with." : $"No figure moved against {previous}.", ReportFonts.Body, Palette.Muted);
        }
        else
        {
            var changes = new TableBlock([new TableColumn("Figure", 2.4), new TableColumn(quarter, 0.9, ColumnAlign.Right),
                new TableColumn(previous ?? "", 0.9, ColumnAlign.Right), new TableColumn("Change", 0.8, ColumnAlign.Right), new TableColumn("Driver", 3.4)]);
            foreach (var c in soWhat.Changes)
            {
                changes.AddRow([c.Figure, c.Now, c.Before, NumberFormat.SignedPercent(c.RelativeChange), c.Driver ?? ""],
                    c.RelativeChange < 0 ? RowStyle.Warning : RowStyle.Normal);
            }

            page = Table(document, page, changes, heading);
            Paragraph(page, SoWhat.ChangeRule, ReportFonts.Small, Palette.Muted);
        }

        if (soWhat.Targets.Count > 0)
        {
            page.Skip(Gap);
            Caption(page, $"Against target, {quarter}");
            var targets = new TableBlock([new TableColumn("Target", 2.4), new TableColumn("Set", 0.9, ColumnAlign.Right), new TableColumn("Actual", 0.9, ColumnAlign.Right),
                new TableColumn("Attainment", 0.9, ColumnAlign.Right), new TableColumn("Pace", 0.9, ColumnAlign.Right)]);
            foreach (var t in soWhat.Targets)
            {
                targets.AddRow([MeasureLabel(t.Measure), Value(t.Measure, t.Target), Value(t.Measure, t.Actual), Percent(t.Attainment),
                    t.Pace is { } p ? Percent(p) + " of plan to date" : "quarter closed"],
                    t.Attainment < 1 && t.Pace is null or < 1 ? RowStyle.Warning : RowStyle.Normal);
            }

            page = Table(document, page, targets, heading);
        }

        page.Skip(Gap);
        Caption(page, "Asks for next quarter");
        if (soWhat.Asks.Count == 0)
        {
            Paragraph(page, "Nothing is pending: no registration awaits a decision, no protection is ending and no tier is at risk.", ReportFonts.Body, Palette.Muted);
        }

        var number = 1;
        foreach (var ask in soWhat.Asks)
        {
            if (!page.Fits(30))
            {
                page = document.AddPage(heading + " (continued)");
            }

            Paragraph(page, $"{number++}. {ask}");
        }
    }

    /// <summary>A target measure in words.</summary>
    internal static string MeasureLabel(string measure) => measure switch
    {
        "sourced_arr" => "Partner-sourced ARR won",
        "sourced_pipeline_arr" => "Sourced pipeline expected to close",
        "certified_people" => "Certified people",
        _ => measure.Replace('_', ' '),
    };

    private static string Value(string measure, double value) => measure == "certified_people" ? NumberFormat.Count(value) : NumberFormat.Money(value);
}
