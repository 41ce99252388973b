using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// Bar charts, grouped or stacked, vertical or horizontal, drawn entirely inside the given area: value axis at round
/// numbers, a legend when there is more than one series, value labels where they fit, an optional reference line.
/// </summary>
public static partial class BarChart
{
    private const double ValueFontSize = 6.5;
    private const double MaxBarThickness = 56;

    /// <summary>Draws a bar chart into <paramref name="area"/>; draws "No data" when there is nothing to show (never throws on empty input).</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">The chart's box; nothing is drawn outside it.</param>
    /// <param name="categories">The category names, one per bar (group).</param>
    /// <param name="series">The series; each has one value per category (null = no bar).</param>
    /// <param name="format">How values are written on the axis and the bars.</param>
    /// <param name="layout">Grouped (side by side) or stacked.</param>
    /// <param name="title">A title drawn at the top of the area.</param>
    /// <param name="options">Orientation, value labels and reference line; <see cref="BarChartOptions.Default"/> unless given.</param>
    public static void Draw(XGraphics g, XRect area, IReadOnlyList<string> categories, IReadOnlyList<Series> series, ValueFormat format,
        BarLayout layout = BarLayout.Grouped, string? title = null, BarChartOptions? options = null)
    {
        options ??= BarChartOptions.Default;
        ChartFrame.Draw(g, area, title, categories, series,
            (i, key) => g.DrawRectangle(new XPen(Palette.Darker(Palette.Series(i)), 0.4), new XSolidBrush(Palette.Series(i)), key),
            (body, all) =>
            {
                var (low, high) = Extent(categories.Count, all, layout);
                if (options.ReferenceLine is { } reference && double.IsFinite(reference.Value))
                {
                    low = Math.Min(low, reference.Value);
                    high = Math.Max(high, reference.Value);
                }

                var plot = new BarPlot(categories, all, format, layout, options);
                if (options.Horizontal)
                {
                    DrawHorizontal(g, body, plot, low, high);
                }
                else
                {
                    DrawVertical(g, body, plot, low, high);
                }
            });
    }

    /// <summary>The lowest and highest value the axis must show (zero always included: bars grow from zero).</summary>
    private static (double Low, double High) Extent(int categoryCount, IReadOnlyList<Series> series, BarLayout layout)
    {
        double low = 0, high = 0;
        for (var c = 0; c < categoryCount; c++)
        {
            double positive = 0, negative = 0;
            foreach (var s in series)
            {
                if (s.ValueAt(c) is not { } v)
                {
                    continue;
                }

                if (layout == BarLayout.Stacked)
                {
                    if (v >= 0)
                    {
                        positive += v;
                    }
                    else
                    {
                        negative += v;
                    }
                }
                else
                {
                    low = Math.Min(low, v);
                    high = Math.Max(high, v);
                }
            }

            low = Math.Min(low, negative);
            high = Math.Max(high, positive);
        }

        return (low, high);
    }

    private static void DrawVertical(XGraphics g, XRect body, BarPlot plot, double low, double high)
    {
        var axisFont = ReportFonts.Of(ChartFrame.AxisFontSize);
        var valueFont = ReportFonts.Of(ValueFontSize);
        var headroom = plot.Options.ShowValues ? valueFont.GetHeight() + 2 : 4;

        // First guess of the plot's height (labels take up to 30 %), to choose how many ticks fit.
        var scale = NiceScale.For(low, high, ChartFrame.TickCount(body.Height * 0.7 - headroom), WholeSteps(plot.Format));
        var tickLabels = AxisLabels.For(plot.Format, scale);
        var axisWidth = ChartFrame.WidestLabel(g, tickLabels, axisFont) + 5;
        var (plotLeft, slot, labels) = ChartFrame.PlanCategories(g, plot.Categories, body, body.Left + axisWidth, 2, Math.Max(10, Math.Min(70, body.Height * 0.3)));
        var plotWidth = slot * plot.Categories.Count;
        var plotRect = new XRect(plotLeft, body.Top + headroom, plotWidth, Math.Max(1, body.Height - headroom - labels.Height - 4));
        if (plotRect.Height < 12)
        {
            ChartFrame.DrawNoData(g, body);
            return;
        }

        double Y(double v) => plotRect.Bottom - scale.Fraction(v) * plotRect.Height;
        DrawValueGridY(g, plotRect, scale, tickLabels, axisFont, Y);

        var groupWidth = slot * (plot.Layout == BarLayout.Stacked || plot.Series.Count == 1 ? 0.62 : 0.78);
        // Very wide bars (one or two categories) look like blocks: cap each bar's width.
        groupWidth = Math.Min(groupWidth, MaxBarThickness * (plot.Layout == BarLayout.Stacked ? 1 : plot.Series.Count));
        var barWidth = plot.Layout == BarLayout.Stacked ? groupWidth : groupWidth / plot.Series.Count;
        for (var c = 0; c < plot.Categories.Count; c++)
        {
            var groupLeft = plotRect.Left + c * slot + (slot - groupWidth) / 2;
            double positive = 0, negative = 0;
            for (var s = 0; s < plot.Series.Count; s++)
            {
                if (plot.Series[s].ValueAt(c) is not { } v)
                {
                    continue;
                }

                double from;
                if (plot.Layout == BarLayout.Stacked)
                {
                    from = v >= 0 ? positive : negative;
                    if (v >= 0)
                    {
                        positive += v;
                    }
                    else
                    {
                        negative += v;
                    }
                }
                else
                {
                    from = 0;
                }

                var x = plot.Layout == BarLayout.Stacked ? groupLeft : groupLeft + s * barWidth;
                var top = Y(Math.Max(from, from + v));
                var bottom = Y(Math.Min(from, from + v));
                var bar = new XRect(x, top, barWidth, Math.Max(0.01, bottom - top));
                FillBar(g, bar, s, barWidth);
                if (plot.Options.ShowValues)
                {
                    VerticalValueLabel(g, plot, bar, v, s, valueFont, plotRect);
                }
            }

            if (plot.Options.ShowValues && plot.Layout == BarLayout.Stacked && plot.Series.Count > 1 && positive > 0)
            {
                var total = NumberFormat.Format(plot.Format, positive);
                var font = ReportFonts.Of(ValueFontSize, bold: true);
                if (g.MeasureString(total, font).Width <= slot - 2)
                {
                    var y = Y(positive) - font.GetHeight() - 1;
                    g.DrawReportText(total, font, new XSolidBrush(Palette.Text), new XRect(groupLeft - slot, y, groupWidth + 2 * slot, font.GetHeight()), XStringFormats.TopCenter);
                }
            }
        }

        DrawZeroLine(g, plotRect.Left, plotRect.Right, Y(0), horizontal: true);
        if (plot.Options.ReferenceLine is { } reference && double.IsFinite(reference.Value))
        {
            var y = Y(reference.Value);
            g.DrawLine(new XPen(Palette.Accent, 1.1) { DashStyle = XDashStyle.Dash }, plotRect.Left, y, plotRect.Right, y);
            ChartFrame.DrawReferenceLabel(g, reference.Label, plotRect.Right, y, plotRect.Width * 0.5, body.Top);
        }

        ChartFrame.DrawCategoryLabels(g, plot.Categories, c => plotRect.Left + (c + 0.5) * slot, plotRect.Bottom + 3, labels, body.Left);
    }

    private static void VerticalValueLabel(XGraphics g, BarPlot plot, XRect bar, double value, int seriesIndex, XFont font, XRect plotRect)
    {
        var text = NumberFormat.Format(plot.Format, value);
        var width = g.MeasureString(text, font).Width;
        var height = font.GetHeight();
        if (width > bar.Width + 2)
        {
            return;
        }

        var box = new XRect(bar.Left - 3, 0, bar.Width + 6, height);
        if (plot.Layout == BarLayout.Stacked && plot.Series.Count > 1)
        {
            // Inside the segment when it is tall enough; the stack's total goes on top.
            if (bar.Height >= height + 2)
            {
                box.Y = bar.Top + (bar.Height - height) / 2;
                g.DrawReportText(text, font, new XSolidBrush(Palette.TextOn(seriesIndex)), box, XStringFormats.Center);
            }

            return;
        }

        box.Y = value >= 0 ? bar.Top - height - 1 : bar.Bottom + 1;
        if (box.Top < plotRect.Top - height - 2 || box.Bottom > plotRect.Bottom + 0.5 && value < 0)
        {
            return;
        }

        g.DrawReportText(text, font, new XSolidBrush(Palette.Text), box, XStringFormats.Center);
    }

    private static void FillBar(XGraphics g, XRect bar, int seriesIndex, double thickness)
    {
        var color = Palette.Series(seriesIndex);
        // Light fills get a darker outline so they stay visible on white paper; thin bars skip it.
        var pen = thickness >= 3 ? new XPen(Palette.Darker(color), 0.4) : null;
        if (pen is null)
        {
            g.DrawRectangle(new XSolidBrush(color), bar);
        }
        else
        {
            g.DrawRectangle(pen, new XSolidBrush(color), bar);
        }
    }

    private static void DrawValueGridY(XGraphics g, XRect plot, AxisScale scale, IReadOnlyList<string> labels, XFont font, Func<double, double> y)
    {
        var grid = new XPen(Palette.Grid, 0.5);
        var brush = new XSolidBrush(Palette.Muted);
        var height = font.GetHeight();
        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            var ty = y(scale.Ticks[i]);
            g.DrawLine(grid, plot.Left, ty, plot.Right, ty);
            g.DrawReportText(labels[i], font, brush, new XRect(plot.Left - 200, ty - height / 2, 196, height), XStringFormats.CenterRight);
        }
    }

    private static void DrawZeroLine(XGraphics g, double from, double to, double at, bool horizontal)
    {
        var pen = new XPen(Palette.Neutral, 0.8);
        if (horizontal)
        {
            g.DrawLine(pen, from, at, to, at);
        }
        else
        {
            g.DrawLine(pen, at, from, at, to);
        }
    }

    private static bool WholeSteps(ValueFormat format) => format is ValueFormat.Count or ValueFormat.Days;

    private sealed record BarPlot(IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, ValueFormat Format, BarLayout Layout, BarChartOptions Options);
}
