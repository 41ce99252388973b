using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>A small line without axes showing a recent trend, with the latest value dotted; drawn by ScottPlot, kept vector.</summary>
public static class Sparkline
{
    /// <summary>Plans the values left to right scaled to the area's height; nothing for no values, a flat line for one.</summary>
    /// <param name="page">The page the sparkline goes on.</param>
    /// <param name="area">The box; nothing is drawn outside it.</param>
    /// <param name="values">The values, oldest first; non-finite values are skipped.</param>
    public static void Draw(ReportPage page, XRect area, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(page);
        double[] points = [.. (values ?? []).Where(double.IsFinite)];
        if (points.Length == 0 || area.Width < 4 || area.Height < 3)
        {
            return;
        }

        page.Charts.Add(() => page.Graphics, area, () => Build(points));
    }

    private static Plot Build(double[] points)
    {
        var plot = ChartStyle.NewPlot();
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.HideLegend();
        var xs = points.Length == 1 ? new double[] { 0, 1 } : [.. Enumerable.Range(0, points.Length).Select(i => (double)i)];
        var ys = points.Length == 1 ? new[] { points[0], points[0] } : points;
        var line = plot.Add.Scatter(xs, ys, ChartStyle.Color(Palette.Series(1)));
        line.LineWidth = 1;
        line.MarkerSize = 0;
        var last = plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 2.6f, ChartStyle.Color(Palette.Series(0)));
        last.LegendText = "";
        var (low, high) = (ys.Min(), ys.Max());
        var pad = high > low ? (high - low) * 0.12 : 1;
        plot.Axes.SetLimits(-0.05 * (xs[^1] - xs[0]), xs[^1] * 1.04, low - pad, high + pad);
        return plot;
    }
}
