using Analytics.Reports.Charts;
using PdfSharp.Drawing;

namespace Analytics.Reports.Tests.Charts;

public sealed class PaletteTests
{
    [Fact]
    public void Series_colours_run_dark_to_light_in_clear_steps_so_they_survive_grey_printing()
    {
        var greys = Enumerable.Range(0, Palette.SeriesCount).Select(i => Grey(Palette.Series(i))).ToList();

        for (var i = 1; i < greys.Count; i++)
        {
            Assert.True(greys[i] - greys[i - 1] >= 25, $"series {i - 1} and {i} print as greys {greys[i - 1]:0} and {greys[i]:0}");
        }
    }

    [Fact]
    public void Line_series_differ_by_dash_and_marker_as_well_as_colour()
    {
        for (var i = 1; i < 4; i++)
        {
            Assert.NotEqual(Palette.Dash(i - 1), Palette.Dash(i));
            Assert.NotEqual(Palette.Marker(i - 1), Palette.Marker(i));
        }
    }

    [Fact]
    public void Series_wraps_around_and_accepts_any_index() =>
        Assert.Equal(Palette.Series(0), Palette.Series(Palette.SeriesCount));

    // Rec. 601 luma: what a black-and-white laser printer approximately does.
    private static double Grey(XColor c) => 0.299 * c.R + 0.587 * c.G + 0.114 * c.B;
}
