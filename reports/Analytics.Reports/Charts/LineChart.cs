using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// Line charts over categories (e.g. quarters): one line per series, differing in lightness, dash and marker;
/// markers at points, gaps where a value is missing, an optional dashed reference line (e.g. the 35 % benchmark).
/// </summary>
public static class LineChart
{
    /// <summary>Draws a line chart into <paramref name="area"/>; draws "No data" when there is nothing to show (never throws on empty input).</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">The chart's box; nothing is drawn outside it.</param>
    /// <param name="categories">The x-axis categories, in order.</param>
    /// <param name="series">The series; each has one value per category (null = a gap).</param>
    /// <param name="format">How values are written on the axis.</param>
    /// <param name="title">A title drawn at the top of the area.</param>
    /// <param name="reference">A benchmark line, e.g. new ReferenceLine(0.35, "Benchmark 35%").</param>
    public static void Draw(XGraphics g, XRect area, IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format,
        string? title = null, ReferenceLine? reference = null)
    {
        ChartFrame.Draw(g, area, title, categories, series,
            (i, key) =>
            {
                var y = key.Top + key.Height / 2;
                g.DrawLine(new XPen(Palette.LineSeries(i), 1.4) { DashStyle = Palette.Dash(i) }, key.Left, y, key.Right, y);
                ChartFrame.DrawMarker(g, Palette.Marker(i), new XPoint(key.Left + key.Width / 2, y), 4.5, Palette.LineSeries(i));
            },
            (body, all) => DrawPlot(g, body, categories, all, format, reference));
    }

    private static void DrawPlot(XGraphics g, XRect body, IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format, ReferenceLine? reference)
    {
        var values = series.SelectMany(s => Enumerable.Range(0, categories.Count).Select(s.ValueAt)).OfType<double>().ToList();
        if (reference is not null && double.IsFinite(reference.Value))
        {
            values.Add(reference.Value);
        }

        var low = values.Min();
        var high = values.Max();
        // Start at zero when the data sits closer to zero than its own spread would suggest: avoids exaggerating small changes.
        if (low > 0 && low < high * 0.5)
        {
            low = 0;
        }

        var axisFont = ReportFonts.Of(ChartFrame.AxisFontSize);
        const double headroom = 5;
        var scale = NiceScale.For(low, high, ChartFrame.TickCount(body.Height * 0.7), format is ValueFormat.Count or ValueFormat.Days);
        var tickLabels = AxisLabels.For(format, scale);
        var (plotLeft, slot, labels) = ChartFrame.PlanCategories(g, categories, body, body.Left + ChartFrame.WidestLabel(g, tickLabels, axisFont) + 5, 4,
            Math.Max(10, Math.Min(70, body.Height * 0.3)));
        var plotWidth = slot * categories.Count;
        var plot = new XRect(plotLeft, body.Top + headroom, plotWidth, Math.Max(1, body.Height - headroom - labels.Height - 4));
        if (plot.Height < 12)
        {
            ChartFrame.DrawNoData(g, body);
            return;
        }

        double X(int c) => plot.Left + (c + 0.5) * slot;
        double Y(double v) => plot.Bottom - scale.Fraction(v) * plot.Height;

        var grid = new XPen(Palette.Grid, 0.5);
        var muted = new XSolidBrush(Palette.Muted);
        var labelHeight = axisFont.GetHeight();
        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            var y = Y(scale.Ticks[i]);
            g.DrawLine(scale.Ticks[i] == 0 ? new XPen(Palette.Neutral, 0.8) : grid, plot.Left, y, plot.Right, y);
            g.DrawReportText(tickLabels[i], axisFont, muted, new XRect(body.Left, y - labelHeight / 2, plot.Left - body.Left - 4, labelHeight), XStringFormats.CenterRight);
        }

        if (reference is not null && double.IsFinite(reference.Value))
        {
            var y = Y(reference.Value);
            g.DrawLine(new XPen(Palette.Accent, 1.1) { DashStyle = XDashStyle.Dash }, plot.Left, y, plot.Right, y);
        }

        // Fewer, smaller markers when points crowd together.
        var markerSize = Math.Clamp(slot * 0.35, 2.5, 5);
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette.LineSeries(s);
            var pen = new XPen(color, 1.6) { DashStyle = Palette.Dash(s), LineJoin = XLineJoin.Round };
            var run = new List<XPoint>();
            for (var c = 0; c <= categories.Count; c++)
            {
                if (c < categories.Count && series[s].ValueAt(c) is { } v)
                {
                    run.Add(new XPoint(X(c), Y(v)));
                    continue;
                }

                if (run.Count > 1)
                {
                    g.DrawLines(pen, [.. run]);
                }

                run.Clear();
            }

            for (var c = 0; c < categories.Count; c++)
            {
                // Dense lines show markers only where a point stands alone (its neighbours missing).
                var alone = series[s].ValueAt(c - 1) is null && series[s].ValueAt(c + 1) is null;
                if (series[s].ValueAt(c) is { } v && (slot >= 8 || alone))
                {
                    ChartFrame.DrawMarker(g, Palette.Marker(s), new XPoint(X(c), Y(v)), markerSize, color);
                }
            }
        }

        // The benchmark's label goes on top of the lines, so it stays readable where a line crosses it.
        if (reference is not null && double.IsFinite(reference.Value))
        {
            ChartFrame.DrawReferenceLabel(g, reference.Label, plot.Right, Y(reference.Value), plot.Width * 0.5, body.Top);
        }

        ChartFrame.DrawCategoryLabels(g, categories, X, plot.Bottom + 3, labels, body.Left);
    }
}
