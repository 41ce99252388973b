using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// Line charts over categories (e.g. quarters), drawn by ScottPlot and kept vector (<see cref="ChartSheet"/>): one
/// line per series, differing in lightness, dash and marker; gaps where a value is missing; an optional dashed
/// reference line. With nothing to chart, a line of text.
/// </summary>
public static class LineChart
{
    /// <summary>Plans a line chart into <paramref name="area"/> of <paramref name="page"/>; writes a line of text instead when no value is other than zero.</summary>
    /// <param name="page">The page the chart goes on.</param>
    /// <param name="area">The chart's box (title included); nothing is drawn outside it.</param>
    /// <param name="categories">The x-axis categories, in order.</param>
    /// <param name="series">The series; each has one value per category (null = a gap).</param>
    /// <param name="format">How values are written on the axis.</param>
    /// <param name="title">A title drawn at the top of the area.</param>
    /// <param name="reference">A benchmark line, e.g. new ReferenceLine(0.35, "Benchmark 35%").</param>
    /// <param name="emptyText">The line written instead of the chart when there is nothing to chart.</param>
    public static void Draw(ReportPage page, XRect area, IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format,
        string? title = null, ReferenceLine? reference = null, string? emptyText = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (ChartBox.Begin(page, area, title, ChartBox.HasData(categories, series), emptyText) is not { } body)
        {
            return;
        }

        IReadOnlyList<string> names = [.. categories.Select(c => c ?? "")];
        IReadOnlyList<Series> all = [.. series.Where(s => s?.Values is not null)];
        body = ChartBox.Legend(page, body, [.. all.Select(s => s.Name)], lines: true);
        page.Charts.Add(() => page.Graphics, body, () => Build(names, all, format, reference, body.Width, body.Height));
    }

    private static Plot Build(IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format, ReferenceLine? reference, double width, double height)
    {
        var plot = ChartStyle.NewPlot();
        var n = categories.Count;
        var values = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            var color = ChartStyle.Color(Palette.LineSeries(s));
            // A missing value breaks the line: each run of consecutive values is its own scatter, the first named.
            var run = new List<(double X, double Y)>();
            var named = false;
            void Flush()
            {
                if (run.Count == 0)
                {
                    return;
                }

                var line = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray(), color);
                line.LineWidth = 1.4f;
                line.LinePattern = Palette.Dash(s);
                line.MarkerShape = Palette.Marker(s);
                line.MarkerSize = 4.5f;
                if (!named)
                {
                    line.LegendText = ChartStyle.Drawable(series[s].Name);
                    named = true;
                }

                run.Clear();
            }

            for (var c = 0; c < n; c++)
            {
                if (series[s].ValueAt(c) is { } v)
                {
                    run.Add((c, v));
                    values.Add(v);
                }
                else
                {
                    Flush();
                }
            }

            Flush();
        }

        if (reference is not null && double.IsFinite(reference.Value))
        {
            values.Add(reference.Value);
        }

        // Lines need not start at zero, but a scale that does is easier to read for shares and counts of this size.
        var scale = ChartStyle.ValueTicks(plot.Axes.Left, format, Math.Min(0, values.Min()), values.Max(), Math.Max(20, height - 22), out var tickLabels);
        var tickWidth = ChartStyle.WidestLabel(tickLabels);
        var slot = (width - tickWidth - 15) / n;
        ChartStyle.CategoryTicks(plot.Axes.Bottom, categories, c => c, slot, Math.Max(slot - 4, Math.Min(90, width / 4)), across: true);
        ChartStyle.Room(plot, tickWidth);
        plot.Axes.SetLimits(-0.5, n - 0.5, scale.Min, scale.Max);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        if (reference is not null && double.IsFinite(reference.Value))
        {
            ChartStyle.Reference(plot, reference, vertical: false, n - 0.5, Alignment.LowerRight);
        }

        return plot;
    }
}
