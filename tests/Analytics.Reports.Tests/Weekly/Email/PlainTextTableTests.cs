using System.Text;
using Analytics.Reports.Weekly.Email;

namespace Analytics.Reports.Tests.Weekly.Email;

public sealed class PlainTextTableTests
{
    [Theory]
    [InlineData("one two three", 7, new[] { "one two", "three" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("a abcdefgh", 4, new[] { "a", "abcd", "efgh" })]
    [InlineData("", 5, new[] { "" })]
    public void Wrap_breaks_at_spaces_and_inside_a_word_only_when_it_must(string text, int width, string[] expected)
    {
        Assert.Equal(expected, PlainTextTable.Wrap(text, width));
    }

    [Fact]
    public void Render_aligns_columns_right_aligns_numbers_and_wraps_cells_that_do_not_fit()
    {
        var table = new PlainTextTable(("Partner", false), ("ARR", true));
        table.AddRow("Brightforge Labs", "$95K");
        table.AddRow("Northwind Cloud Consulting", "$1.2M");
        var text = new StringBuilder();

        table.Render(text, 2, 24);

        Assert.Equal(
            "  Partner            ARR\n"
            + "  ---------------  -----\n"
            + "  Brightforge       $95K\n"
            + "  Labs\n"
            + "  Northwind Cloud  $1.2M\n"
            + "  Consulting\n",
            text.ToString());
    }
}
