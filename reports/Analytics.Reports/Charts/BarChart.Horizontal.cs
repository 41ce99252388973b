using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>Horizontal bars: categories down the left, values along the bottom.</summary>
public static partial class BarChart
{
    private static void DrawHorizontal(XGraphics g, XRect body, BarPlot plot, double low, double high)
    {
        var axisFont = ReportFonts.Of(ChartFrame.AxisFontSize);
        var valueFont = ReportFonts.Of(ValueFontSize);
        var count = plot.Categories.Count;

        var axisHeight = axisFont.GetHeight() + 4;
        // A reference line's label sits in a strip above the bars.
        var referenceHeight = plot.Options.ReferenceLine is { } r && double.IsFinite(r.Value) && !string.IsNullOrWhiteSpace(r.Label) ? ReportFonts.SmallBold.GetHeight() + 2 : 0;
        body = new XRect(body.Left, body.Top + referenceHeight, body.Width, Math.Max(0, body.Height - referenceHeight));
        var rowsHeight = Math.Max(1, body.Height - axisHeight);
        var row = rowsHeight / count;

        // Category labels: shrink to the row height, ellipsize to at most 35 % of the width.
        var labelSize = Math.Clamp(row / CategoryLabelLayout.LineHeightFactor, 5, ChartFrame.AxisFontSize);
        var labelFont = ReportFonts.Of(labelSize);
        var labelStep = Math.Max(1, (int)Math.Ceiling(labelSize * CategoryLabelLayout.LineHeightFactor / row));
        var labelWidth = Math.Min(body.Width * 0.35, plot.Categories.Max(c => g.MeasureString(c ?? "", labelFont).Width)) + 6;

        // Room right of the bars for value labels.
        var valueRoom = plot.Options.ShowValues ? g.MeasureString(NumberFormat.Format(plot.Format, high), valueFont).Width + 4 : 4;
        var plotRect = new XRect(body.Left + labelWidth, body.Top, Math.Max(1, body.Width - labelWidth - valueRoom), rowsHeight);
        if (plotRect.Width < 30 || row < 1.5)
        {
            ChartFrame.DrawNoData(g, body);
            return;
        }

        var scale = NiceScale.For(low, high, Math.Clamp((int)(plotRect.Width / 60), 2, 6), WholeSteps(plot.Format));
        var tickLabels = AxisLabels.For(plot.Format, scale);
        double X(double v) => plotRect.Left + scale.Fraction(v) * plotRect.Width;

        var grid = new XPen(Palette.Grid, 0.5);
        var muted = new XSolidBrush(Palette.Muted);
        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            var x = X(scale.Ticks[i]);
            g.DrawLine(grid, x, plotRect.Top, x, plotRect.Bottom);
            var w = g.MeasureString(tickLabels[i], axisFont).Width;
            // Keep the end labels inside the body.
            var left = Math.Clamp(x - w / 2, body.Left, body.Right - w);
            g.DrawReportText(tickLabels[i], axisFont, muted, new XRect(left, plotRect.Bottom + 3, w, axisFont.GetHeight()), XStringFormats.TopLeft);
        }

        var groupHeight = row * (plot.Layout == BarLayout.Stacked || plot.Series.Count == 1 ? 0.62 : 0.78);
        groupHeight = Math.Min(groupHeight, MaxBarThickness * (plot.Layout == BarLayout.Stacked ? 1 : plot.Series.Count));
        var barHeight = plot.Layout == BarLayout.Stacked ? groupHeight : groupHeight / plot.Series.Count;
        var text = new XSolidBrush(Palette.Text);
        for (var c = 0; c < count; c++)
        {
            var rowTop = plotRect.Top + c * row;
            if (c % labelStep == 0)
            {
                var label = TextFit.Ellipsize(g, plot.Categories[c] ?? "", labelFont, labelWidth - 6);
                g.DrawReportText(label, labelFont, text, new XRect(body.Left, rowTop, labelWidth - 6, row), XStringFormats.CenterRight);
            }

            var groupTop = rowTop + (row - groupHeight) / 2;
            double positive = 0, negative = 0;
            for (var s = 0; s < plot.Series.Count; s++)
            {
                if (plot.Series[s].ValueAt(c) is not { } v)
                {
                    continue;
                }

                var from = 0.0;
                if (plot.Layout == BarLayout.Stacked)
                {
                    from = v >= 0 ? positive : negative;
                    positive += Math.Max(0, v);
                    negative += Math.Min(0, v);
                }

                var y = plot.Layout == BarLayout.Stacked ? groupTop : groupTop + s * barHeight;
                var left = X(Math.Min(from, from + v));
                var right = X(Math.Max(from, from + v));
                var bar = new XRect(left, y, Math.Max(0.01, right - left), barHeight);
                FillBar(g, bar, s, barHeight);
                if (plot.Options.ShowValues)
                {
                    HorizontalValueLabel(g, plot, bar, v, s, valueFont, new XRect(plotRect.Left, body.Top, body.Right - plotRect.Left, body.Height));
                }
            }
        }

        DrawZeroLine(g, plotRect.Top, plotRect.Bottom, X(0), horizontal: false);
        if (plot.Options.ReferenceLine is { } reference && double.IsFinite(reference.Value))
        {
            var x = X(reference.Value);
            g.DrawLine(new XPen(Palette.Accent, 1.1) { DashStyle = XDashStyle.Dash }, x, plotRect.Top, x, plotRect.Bottom);
            var font = ReportFonts.SmallBold;
            g.DrawLine(new XPen(Palette.Accent, 1.1) { DashStyle = XDashStyle.Dash }, x, body.Top - 2, x, plotRect.Top);
            var label = TextFit.Ellipsize(g, reference.Label, font, body.Width * 0.6);
            var width = g.MeasureString(label, font).Width;
            // Centred over the line, kept within the chart.
            var left = Math.Clamp(x - width / 2, body.Left, Math.Max(body.Left, body.Right - width));
            g.DrawReportText(label, font, new XSolidBrush(Palette.Accent), new XRect(left, body.Top - font.GetHeight() - 2, width, font.GetHeight()), XStringFormats.TopLeft);
        }
    }

    private static void HorizontalValueLabel(XGraphics g, BarPlot plot, XRect bar, double value, int seriesIndex, XFont font, XRect limits)
    {
        var text = NumberFormat.Format(plot.Format, value);
        var width = g.MeasureString(text, font).Width;
        var height = font.GetHeight();
        if (height > bar.Height + 2)
        {
            return;
        }

        if (plot.Layout == BarLayout.Stacked && plot.Series.Count > 1)
        {
            if (width + 4 <= bar.Width)
            {
                g.DrawReportText(text, font, new XSolidBrush(Palette.TextOn(seriesIndex)), bar, XStringFormats.Center);
            }

            return;
        }

        var box = value >= 0
            ? new XRect(bar.Right + 2, bar.Top, width, bar.Height)
            : new XRect(bar.Left - 2 - width, bar.Top, width, bar.Height);
        if (box.Left >= limits.Left && box.Right <= limits.Right)
        {
            g.DrawReportText(text, font, new XSolidBrush(Palette.Text), box, XStringFormats.CenterLeft);
        }
    }
}
