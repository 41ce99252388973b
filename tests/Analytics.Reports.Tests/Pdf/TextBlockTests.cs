using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Tests.Pdf;

public sealed class TextBlockTests : IDisposable
{
    private const string Paragraph = "Partner-sourced ARR grew for the fourth quarter running, led by expansion deals in EMEA; " +
        "registrations older than ninety days need a decision before the next review.";

    private readonly ReportDocument _document = new("Text", "footer");
    private readonly XGraphics _g;

    public TextBlockTests() => _g = _document.AddPage("Text").Graphics;

    public void Dispose() => _document.Dispose();

    [Theory]
    [InlineData(80)]
    [InlineData(150)]
    [InlineData(400)]
    public void Wrap_keeps_every_line_within_the_width_and_every_word(double width)
    {
        var font = ReportFonts.Body;

        var lines = TextBlock.Wrap(_g, Paragraph, font, width);

        Assert.All(lines, l => Assert.True(_g.MeasureString(l, font).Width <= width, $"'{l}' is wider than {width}"));
        Assert.Equal(Paragraph.Split(' '), string.Join(" ", lines).Split(' '));
    }

    [Fact]
    public void Wrap_cuts_a_word_longer_than_the_line()
    {
        var lines = TextBlock.Wrap(_g, "Supercalifragilisticexpialidocious", ReportFonts.Body, 40);

        Assert.True(lines.Count > 1);
        Assert.Equal("Supercalifragilisticexpialidocious", string.Concat(lines));
    }

    [Fact]
    public void Draw_returns_the_height_of_the_lines_drawn_and_stops_at_the_bottom()
    {
        var font = ReportFonts.Body;
        var lineHeight = font.GetHeight();
        var lines = TextBlock.Wrap(_g, Paragraph, font, 150).Count;

        Assert.Equal(lines * lineHeight, TextBlock.Draw(_g, new XRect(40, 100, 150, 500), Paragraph, font), 6);
        Assert.Equal(2 * lineHeight, TextBlock.Draw(_g, new XRect(40, 300, 150, 2.5 * lineHeight), Paragraph, font), 6);
        Assert.Equal(lines * lineHeight, TextBlock.Measure(_g, 150, Paragraph, font), 6);
    }

    [Theory]
    [InlineData("Short", 100, "Short")]
    [InlineData("Contoso Pharmaceuticals and Life Sciences", 60, "Contoso…")]
    [InlineData("Contoso", 3, "")]
    [InlineData("", 10, "")]
    public void Ellipsize_shortens_only_what_does_not_fit(string text, double width, string expectedStart)
    {
        var result = TextFit.Ellipsize(_g, text, ReportFonts.Body, width);

        Assert.True(_g.MeasureString(result, ReportFonts.Body).Width <= width);
        Assert.StartsWith(expectedStart.TrimEnd('…'), result);
        if (expectedStart.EndsWith('…'))
        {
            Assert.EndsWith("…", result);
        }
        else
        {
            Assert.Equal(expectedStart, result);
        }
    }
}
