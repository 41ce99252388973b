using Analytics.Reports.Pdf;
using PdfSharp.Drawing;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Analytics.Reports.Charts;

/// <summary>
/// The look every ScottPlot chart shares: DejaVu Sans at the pages' sizes (a plot's pixel is a point in the PDF), the
/// palette's colours, a white background, light gridlines along the value axis only, the legend outside the data area
/// (drawn on the page above the chart, so never over bars or lines), and value axes with round ticks written as the pages write numbers.
/// </summary>
internal static class ChartStyle
{
    /// <summary>Axis tick labels, in points.</summary>
    public const float AxisFontSize = 7.5f;

    /// <summary>Value labels on bars and the legend, in points.</summary>
    public const float SmallFontSize = 6.5f;

    /// <summary>A plot with the shared look and no axis titles.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Right, plot.Axes.Top })
        {
            axis.TickLabelStyle.FontSize = AxisFontSize;
            axis.TickLabelStyle.ForeColor = Color(Palette.Muted);
            axis.MajorTickStyle.Length = 2;
            axis.MajorTickStyle.Color = Color(Palette.Grid);
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Color(Palette.Grid);
            axis.FrameLineStyle.Width = 0.8f;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Color(Palette.Grid);
        plot.Grid.MajorLineWidth = 0.5f;
        plot.Grid.MajorLinePattern = LinePattern.Solid;
        plot.Legend.FontSize = SmallFontSize + 1;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.FontColor = Color(Palette.Text);
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White;
        // The legend keeps DejaVu Sans rather than picking a font per text.
        plot.Legend.SetBestFontOnEachRender = false;
        return plot;
    }

    /// <summary>
    /// Fixes the room around the data area (ScottPlot's automatic layout leaves wide empty bands at small sizes): the
    /// widest tick label on the left, one line of labels below. The legend is the page's (<see cref="ChartBox.Legend"/>).
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="leftLabelWidth">The widest label left of the data area, in points.</param>
    /// <param name="lastBottomLabelWidth">The width of the bottom axis' last label, centred on the data area's right edge.</param>
    public static void Room(Plot plot, double leftLabelWidth, double lastBottomLabelWidth = 0)
    {
        plot.HideLegend();
        plot.Layout.Fixed(new PixelPadding((float)(leftLabelWidth + 7), (float)Math.Max(8, lastBottomLabelWidth / 2 + 3), AxisFontSize * 1.3f + 6, 6));
    }

    /// <summary>The widest of <paramref name="labels"/> at the axis font size, in points.</summary>
    public static double WidestLabel(IEnumerable<string> labels) => labels.Select(l => ChartFonts.Width(l, AxisFontSize)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Round ticks from <paramref name="low"/> to <paramref name="high"/> on <paramref name="axis"/>, labelled as
    /// <see cref="AxisLabels"/> writes them (one unit and enough decimals for the whole axis, invariant culture).
    /// </summary>
    /// <param name="axis">The value axis.</param>
    /// <param name="format">What the values are.</param>
    /// <param name="low">The lowest value to show.</param>
    /// <param name="high">The highest value to show.</param>
    /// <param name="length">The axis' length in points (about one tick per 40 points).</param>
    /// <param name="labels">The tick labels written.</param>
    /// <returns>The axis' scale (its ends are the first and last tick).</returns>
    public static AxisScale ValueTicks(IAxis axis, ValueFormat format, double low, double high, double length, out IReadOnlyList<string> labels)
    {
        var scale = NiceScale.For(low, high, Math.Clamp((int)(length / 40), 2, 6), format is ValueFormat.Count or ValueFormat.Days);
        labels = AxisLabels.For(format, scale);
        var ticks = new NumericManual();
        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            ticks.AddMajor(scale.Ticks[i], labels[i]);
        }

        axis.TickGenerator = ticks;
        return scale;
    }

    /// <summary>
    /// Category labels at positions 0, 1, 2… on <paramref name="axis"/>, ellipsized to <paramref name="maxWidth"/> and
    /// thinned (every second, third… label) when the slots are too narrow for them side by side.
    /// </summary>
    /// <param name="axis">The category axis.</param>
    /// <param name="categories">The labels in order.</param>
    /// <param name="position">Where category i sits on the axis.</param>
    /// <param name="slot">The room per category along the axis, in points.</param>
    /// <param name="maxWidth">The widest a label may be, in points.</param>
    /// <param name="across">Whether labels run across the slots (a horizontal axis) rather than along them.</param>
    /// <returns>The labels written.</returns>
    public static IReadOnlyList<string> CategoryTicks(IAxis axis, IReadOnlyList<string> categories, Func<int, double> position, double slot, double maxWidth, bool across)
    {
        var labels = categories.Select(c => ChartFonts.Ellipsize(Drawable(c), AxisFontSize, maxWidth)).ToList();
        var need = across ? labels.Max(l => ChartFonts.Width(l, AxisFontSize)) + 6 : AxisFontSize * 1.3;
        var step = Math.Max(1, (int)Math.Ceiling(need / Math.Max(0.01, slot)));
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Count; i++)
        {
            if (i % step == 0)
            {
                ticks.AddMajor(position(i), labels[i]);
            }
        }

        axis.TickGenerator = ticks;
        axis.TickLabelStyle.ForeColor = Color(Palette.Text);
        axis.MajorTickStyle.Length = 0;
        return labels;
    }

    /// <summary>A dashed accent line at <paramref name="reference"/>'s value, labelled at <paramref name="labelAt"/> on the other axis.</summary>
    public static void Reference(Plot plot, ReferenceLine reference, bool vertical, double labelAt, Alignment alignment)
    {
        var color = Color(Palette.Accent);
        var line = vertical ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(reference.Value) : plot.Add.HorizontalLine(reference.Value);
        line.LineColor = color;
        line.LineWidth = 1.1f;
        line.LinePattern = LinePattern.Dashed;
        if (string.IsNullOrWhiteSpace(reference.Label))
        {
            return;
        }

        var text = vertical ? plot.Add.Text(Drawable(reference.Label), reference.Value, labelAt) : plot.Add.Text(Drawable(reference.Label), labelAt, reference.Value);
        text.LabelFontName = ChartFonts.Family;
        text.LabelFontSize = SmallFontSize + 1;
        text.LabelBold = true;
        text.LabelFontColor = color;
        text.LabelBackgroundColor = Colors.White;
        text.LabelAlignment = alignment;
        text.LabelPadding = 1;
        text.LabelOffsetY = vertical ? 0 : -3;
    }

    /// <summary>CRM text as a chart may draw it: no bidi controls, and "�" for what DejaVu Sans has no glyph for (<see cref="FontCoverage"/>).</summary>
    public static string Drawable(string? text) => FontCoverage.Drawable(text, ReportFonts.Of(AxisFontSize));

    /// <summary>A palette colour as ScottPlot's.</summary>
    public static Color Color(XColor color) => new(color.R, color.G, color.B);
}
