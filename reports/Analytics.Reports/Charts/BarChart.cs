using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// Bar charts, grouped or stacked, vertical or horizontal, drawn by ScottPlot into the given box and kept vector
/// (<see cref="ChartSheet"/>): a value axis at round numbers, a legend above the bars when there is more than one
/// series, value labels where bars stand alone, an optional reference line. With nothing to chart, a line of text.
/// </summary>
public static class BarChart
{
    // The most room one category gets along the category axis, in points (bars are about two thirds of it).
    private const double MaxSlot = 30;

    /// <summary>Plans a bar chart into <paramref name="area"/> of <paramref name="page"/>; writes a line of text instead when no value is other than zero.</summary>
    /// <param name="page">The page the chart goes on.</param>
    /// <param name="area">The chart's box (title included); nothing is drawn outside it.</param>
    /// <param name="categories">The category names, one per bar (group).</param>
    /// <param name="series">The series; each has one value per category (null = no bar).</param>
    /// <param name="format">How values are written on the axis and the bars.</param>
    /// <param name="layout">Grouped (side by side) or stacked.</param>
    /// <param name="title">A title drawn at the top of the area.</param>
    /// <param name="options">Orientation, value labels, reference line, the words when empty; <see cref="BarChartOptions.Default"/> unless given.</param>
    public static void Draw(ReportPage page, XRect area, IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format,
        BarLayout layout = BarLayout.Grouped, string? title = null, BarChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        options ??= BarChartOptions.Default;
        if (ChartBox.Begin(page, area, title, ChartBox.HasData(categories, series), options.EmptyText) is not { } body)
        {
            return;
        }

        var chart = new BarData([.. categories.Select(c => c ?? "")], [.. series.Where(s => s?.Values is not null)], format, layout, options);
        body = ChartBox.Legend(page, body, [.. chart.Series.Select(s => s.Name)], lines: false);
        page.Charts.Add(() => page.Graphics, body, () => Build(chart, body.Width, body.Height));
    }

    private static Plot Build(BarData chart, double width, double height)
    {
        var plot = ChartStyle.NewPlot();
        var (categories, series, options) = (chart.Categories, chart.Series, chart.Options);
        var horizontal = options.Horizontal;
        var stacked = chart.Layout == BarLayout.Stacked;
        var n = categories.Count;
        // Horizontal bars list the first category at the top.
        double Position(int c) => horizontal ? n - 1 - c : c;
        var groupWidth = stacked || series.Count == 1 ? 0.62 : 0.8;
        var barWidth = stacked ? groupWidth : groupWidth / series.Count;
        // Values beside single bars; inside stacked segments they would not fit the thin ones, nor above grouped bars
        // narrower than their labels (they would run into their neighbours').
        var widestValue = ChartStyle.WidestLabel(series.SelectMany(x => x.Values).OfType<double>().Select(v => NumberFormat.Format(chart.Format, v))) * ChartStyle.SmallFontSize / ChartStyle.AxisFontSize;
        var showValues = options.ShowValues && !stacked && (horizontal || widestValue + 2 <= width * 0.85 / n * barWidth);

        var positive = new double[n];
        var negative = new double[n];
        double low = 0, high = 0;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var c = 0; c < n; c++)
            {
                if (series[s].ValueAt(c) is not { } v)
                {
                    continue;
                }

                var from = stacked ? (v >= 0 ? positive[c] : negative[c]) : 0;
                if (stacked)
                {
                    positive[c] += Math.Max(0, v);
                    negative[c] += Math.Min(0, v);
                }

                low = Math.Min(low, from + v);
                high = Math.Max(high, from + v);
                bars.Add(new Bar
                {
                    // Grouped series side by side in legend order: left to right, or top to bottom on horizontal bars.
                    Position = Position(c) + (stacked ? 0 : (horizontal ? -1 : 1) * (s - (series.Count - 1) / 2.0) * barWidth),
                    ValueBase = from,
                    Value = from + v,
                    Size = barWidth * 0.92,
                    FillColor = ChartStyle.Color(Palette.Series(s)),
                    LineColor = ChartStyle.Color(Palette.Darker(Palette.Series(s))),
                    LineWidth = 0.4f,
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                    Label = showValues ? NumberFormat.Format(chart.Format, v) : "",
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = ChartStyle.Drawable(series[s].Name);
            plottable.Color = ChartStyle.Color(Palette.Series(s));
            plottable.ValueLabelStyle.FontName = ChartFonts.Family;
            plottable.ValueLabelStyle.FontSize = ChartStyle.SmallFontSize;
            plottable.ValueLabelStyle.ForeColor = ChartStyle.Color(Palette.Text);
        }

        if (options.ReferenceLine is { } reference && double.IsFinite(reference.Value))
        {
            low = Math.Min(low, reference.Value);
            high = Math.Max(high, reference.Value);
        }

        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        var dataHeight = Math.Max(20, height - 22);
        var scale = ChartStyle.ValueTicks(valueAxis, chart.Format, low, high, horizontal ? width * 0.6 : dataHeight, out var tickLabels);
        var range = scale.Max - scale.Min;
        // A reference line's label gets a strip of its own past the last category, clear of the bars.
        var strip = options.ReferenceLine is { Label.Length: > 0 } ? 0.9 : 0;
        // Few categories would make slab-like bars: the axis keeps room for at least as many as fit at a readable thickness.
        var categoryRoom = MaxSlot * (stacked ? 1 : series.Count);
        var slots = Math.Max(n, (horizontal ? dataHeight / categoryRoom : (width - 40) / (categoryRoom * 2.5)) - strip);
        if (horizontal)
        {
            var labels = ChartStyle.CategoryTicks(categoryAxis, categories, Position, dataHeight / (slots + strip), width * 0.35, across: false);
            var labelWidth = ChartStyle.WidestLabel(labels);
            var dataWidth = Math.Max(20, width - labelWidth - 15);
            // Room right of the longest bar for its value label.
            var room = showValues ? range * (ChartStyle.WidestLabel(series.SelectMany(x => x.Values).OfType<double>().Select(v => NumberFormat.Format(chart.Format, v))) * 0.9 + 4) / dataWidth : 0;
            // The value axis runs along the bottom: its last tick label sits on the right edge.
            ChartStyle.Room(plot, labelWidth, ChartFonts.Width(tickLabels[^1], ChartStyle.AxisFontSize));
            plot.Axes.SetLimits(scale.Min, scale.Max + room, n - 0.5 - slots, n - 0.5 + strip);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        }
        else
        {
            var tickWidth = ChartStyle.WidestLabel(tickLabels);
            var slot = (width - tickWidth - 15) / n;
            ChartStyle.CategoryTicks(categoryAxis, categories, Position, slot, Math.Max(slot - 4, Math.Min(90, width / 4)), across: true);
            // Room above the highest bar for its value label.
            var room = showValues ? range * 11 / dataHeight : range * 0.03;
            ChartStyle.Room(plot, tickWidth);
            plot.Axes.SetLimits(-0.5 - (slots - n) / 2, n - 0.5 + (slots - n) / 2, scale.Min, scale.Max + room);
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        }

        if (options.ReferenceLine is { } line && double.IsFinite(line.Value))
        {
            if (horizontal)
            {
                ChartStyle.Reference(plot, line, vertical: true, n - 0.5 + strip / 2, Alignment.MiddleCenter);
            }
            else
            {
                ChartStyle.Reference(plot, line, vertical: false, n - 0.5, Alignment.LowerRight);
            }
        }

        return plot;
    }

    private sealed record BarData(IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, ValueFormat Format, BarLayout Layout, BarChartOptions Options);
}
