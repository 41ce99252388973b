using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>
/// The one palette of every chart. Series colours run dark to light in one blue hue, so series differ in lightness
/// and stay apart when printed in black and white; lines also differ by dash and marker (<see cref="LineChart"/>).
/// </summary>
public static class Palette
{
    // Lightness (CIE L*) roughly 22, 40, 58, 74, 87: even steps a grey printer keeps apart.
    private static readonly XColor[] SeriesColors =
    [
        XColor.FromArgb(0x0B, 0x2E, 0x59),
        XColor.FromArgb(0x25, 0x5F, 0x9E),
        XColor.FromArgb(0x5B, 0x8F, 0xC9),
        XColor.FromArgb(0x9A, 0xBF, 0xE4),
        XColor.FromArgb(0xCF, 0xE0, 0xF3),
    ];

    // Lines are thin, so the lightest tints would vanish on white: lines use the darker half plus a grey.
    private static readonly XColor[] LineColors =
    [
        XColor.FromArgb(0x0B, 0x2E, 0x59),
        XColor.FromArgb(0x3D, 0x7B, 0xC0),
        XColor.FromArgb(0x6B, 0x72, 0x80),
        XColor.FromArgb(0x86, 0xAE, 0xDB),
    ];

    private static readonly ScottPlot.LinePattern[] Dashes =
        [ScottPlot.LinePattern.Solid, ScottPlot.LinePattern.Dashed, ScottPlot.LinePattern.Dotted, ScottPlot.LinePattern.DenselyDashed];

    private static readonly ScottPlot.MarkerShape[] Markers =
    [
        ScottPlot.MarkerShape.FilledCircle, ScottPlot.MarkerShape.FilledSquare, ScottPlot.MarkerShape.FilledTriangleUp,
        ScottPlot.MarkerShape.FilledDiamond, ScottPlot.MarkerShape.Cross,
    ];

    /// <summary>How many distinct series colours there are before they repeat.</summary>
    public static int SeriesCount => SeriesColors.Length;

    /// <summary>Good news: a target met, a rise where up is good (dark green).</summary>
    public static XColor Good { get; } = XColor.FromArgb(0x1E, 0x7B, 0x3A);

    /// <summary>Bad news: a target missed, an overdue item (dark red).</summary>
    public static XColor Bad { get; } = XColor.FromArgb(0xB0, 0x24, 0x1C);

    /// <summary>Neither good nor bad (mid grey).</summary>
    public static XColor Neutral { get; } = XColor.FromArgb(0x6B, 0x72, 0x80);

    /// <summary>Secondary text: axis labels, footers, "No data".</summary>
    public static XColor Muted { get; } = XColor.FromArgb(0x6E, 0x76, 0x82);

    /// <summary>Gridlines and rules.</summary>
    public static XColor Grid { get; } = XColor.FromArgb(0xDD, 0xE1, 0xE6);

    /// <summary>Zebra rows and tracks behind bars.</summary>
    public static XColor Fill { get; } = XColor.FromArgb(0xF2, 0xF4, 0xF7);

    /// <summary>Primary text.</summary>
    public static XColor Text { get; } = XColor.FromArgb(0x1C, 0x23, 0x2E);

    /// <summary>Reference lines and highlights (amber; dashed wherever used, so it also reads in black and white).</summary>
    public static XColor Accent { get; } = XColor.FromArgb(0xC2, 0x6A, 0x00);

    /// <summary>The fill colour of series <paramref name="index"/> (0 is the darkest); repeats after <see cref="SeriesCount"/>.</summary>
    /// <param name="index">The series' position, 0-based.</param>
    /// <returns>The colour.</returns>
    public static XColor Series(int index) => SeriesColors[Wrap(index, SeriesColors.Length)];

    /// <summary>The colour of line series <paramref name="index"/> (dark enough for a thin line).</summary>
    /// <param name="index">The series' position, 0-based.</param>
    /// <returns>The colour.</returns>
    public static XColor LineSeries(int index) => LineColors[Wrap(index, LineColors.Length)];

    /// <summary>Text colour readable on top of series fill <paramref name="index"/>: white on dark fills, dark on light ones.</summary>
    /// <param name="index">The series' position, 0-based.</param>
    /// <returns>The colour.</returns>
    public static XColor TextOn(int index) => Wrap(index, SeriesColors.Length) <= 1 ? XColors.White : Text;

    /// <summary>A slightly darker shade of <paramref name="color"/>, for outlines that keep light fills visible on white.</summary>
    /// <param name="color">The fill.</param>
    /// <returns>The outline colour.</returns>
    public static XColor Darker(XColor color) => XColor.FromArgb((int)(color.R * 0.7), (int)(color.G * 0.7), (int)(color.B * 0.7));

    /// <summary>The dash pattern of line series <paramref name="index"/>: solid, dashed, dotted, densely dashed.</summary>
    /// <param name="index">The series' position, 0-based.</param>
    /// <returns>The pattern.</returns>
    public static ScottPlot.LinePattern Dash(int index) => Dashes[Wrap(index, Dashes.Length)];

    /// <summary>The marker shape of line series <paramref name="index"/>.</summary>
    /// <param name="index">The series' position, 0-based.</param>
    /// <returns>The marker shape.</returns>
    public static ScottPlot.MarkerShape Marker(int index) => Markers[Wrap(index, Markers.Length)];

    private static int Wrap(int index, int count) => ((index % count) + count) % count;
}
