using System.Text.RegularExpressions;
using Analytics.Reports.Charts;
using Analytics.Reports.Pdf;
using Analytics.Reports.Tests.Pdf;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Pdf;

namespace Analytics.Reports.Tests.Charts;

public sealed class TableBlockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_table_of_120_rows_paginates_with_the_header_on_every_page()
    {
        var path = _temp.Combine("table.pdf");
        int expectedPages;
        ReportPage last;
        double endY;
        using (var document = new ReportDocument("Registrations", "Snapshot 2026-11-21"))
        {
            var page = document.AddPage("Open registrations");
            var table = Registrations(120);
            var rowsPerPage = (int)Math.Floor(page.Content.Height / table.RowHeight) - 1;
            expectedPages = (int)Math.Ceiling(120.0 / rowsPerPage);

            last = table.Draw(document, page, page.Content, "Open registrations");
            endY = table.EndY;
            Assert.Equal(expectedPages, document.PageCount);
            Assert.Same(document.Pages[^1], last);
            var rowsOnLast = 120 - (expectedPages - 1) * rowsPerPage;
            Assert.Equal(last.Content.Top + (rowsOnLast + 1) * table.RowHeight, endY, 6);
            Assert.Equal(endY, last.CursorY, 6);
            document.Save(path);
        }

        using var pdf = PdfFile.Open(path);
        Assert.Equal(expectedPages, pdf.PageCount);
        for (var p = 1; p <= expectedPages; p++)
        {
            var text = pdf.Text(p);
            Assert.Single(Regex.Matches(text, @"Registration\s+Customer\s+Amount"));
            Assert.Contains(p == 1 ? "Open registrations" : "Open registrations (continued)", text);
            Assert.Contains($"page {p} of {expectedPages}", text);
        }

        var all = pdf.Text();
        for (var r = 1; r <= 120; r++)
        {
            Assert.Single(Regex.Matches(all, $@"REG-{r:0000}\b"));
        }
    }

    [Fact]
    public void A_table_starting_low_on_a_page_does_not_leave_its_header_alone()
    {
        using var document = new ReportDocument("Registrations", "footer");
        var page = document.AddPage("Open registrations");
        var table = Registrations(3);
        var area = new PdfSharp.Drawing.XRect(page.Content.Left, page.Content.Bottom - 1.5 * table.RowHeight, page.Content.Width, 1.5 * table.RowHeight);

        var ended = table.Draw(document, page, area, "Open registrations");

        Assert.Equal(2, document.PageCount);
        Assert.Equal(2, ended.Number);
        Assert.Equal(ended.Content.Top + 4 * table.RowHeight, table.EndY, 6);
    }

    [Fact]
    public void An_empty_table_says_what_there_is_none_of_instead_of_an_orphan_none()
    {
        var path = _temp.Combine("empty.pdf");
        using (var document = new ReportDocument("Registrations", "footer"))
        {
            var page = document.AddPage("Overdue registrations");
            var table = new TableBlock([new TableColumn("Registration", 1), new TableColumn("Age", 1, ColumnAlign.Right)])
            {
                EmptyText = "No registration is overdue.",
            };

            var ended = table.Draw(document, page, page.Content, "Overdue registrations");

            Assert.Same(page, ended);
            Assert.Equal(page.Content.Top + table.RowHeight, table.EndY, 6);
            document.Save(path);
        }

        var text = PdfFile.TextOf(path);
        Assert.Contains("No registration is overdue.", text);
        Assert.DoesNotContain("None.", text);
        Assert.DoesNotContain("Registration ", text);
    }

    [Fact]
    public void A_table_overflowing_by_a_row_or_two_shrinks_to_its_least_row_height_instead_of_leaving_them_to_a_new_page()
    {
        using var document = new ReportDocument("Deals", "footer");
        var page = document.AddPage("Deals");
        var height = page.Content.Height;
        var rows = (int)Math.Floor(height / 21.5) - 1; // header + rows fit at 21.5 pt, not at 24 pt
        Assert.True((rows + 1) * 24 > height);
        TableBlock Table(double? least)
        {
            var table = new TableBlock([new TableColumn("Deal", 1), new TableColumn("Why", 3)]) { RowHeight = 24, MinRowHeight = least };
            for (var i = 0; i < rows; i++)
            {
                table.AddRow([$"Deal {i}", "no activity for 40 days; next step 30 days old"]);
            }

            return table;
        }

        var shrunk = Table(21.5);
        Assert.Same(page, shrunk.Draw(document, page, page.Content, "Deals"));
        Assert.Equal(page.Content.Top + (rows + 1) * 21.5, shrunk.EndY, 6);

        var fixedHeight = Table(null);
        Assert.NotSame(page, fixedHeight.Draw(document, page, page.Content, "Deals"));
    }

    [Fact]
    public void Cells_too_long_for_their_column_are_ellipsized()
    {
        var path = _temp.Combine("ellipsis.pdf");
        using (var document = new ReportDocument("Registrations", "footer"))
        {
            var page = document.AddPage("Registrations");
            var table = new TableBlock([new TableColumn("Customer", 1), new TableColumn("Amount", 1, ColumnAlign.Right)]);
            table.AddRow(["Contoso Pharmaceuticals and Life Sciences (EMEA North) GmbH", "$1.2M"], RowStyle.Warning);
            table.Draw(document, page, new PdfSharp.Drawing.XRect(page.Content.Left, page.Content.Top, 160, 100), "Registrations");
            document.Save(path);
        }

        var text = PdfFile.TextOf(path);
        Assert.Contains("Contoso", text);
        Assert.Contains("…", text);
        Assert.DoesNotContain("GmbH", text);
    }

    [Fact]
    public void AddRow_rejects_a_row_with_the_wrong_number_of_cells()
    {
        var table = new TableBlock([new TableColumn("A", 1), new TableColumn("B", 1)]);

        var error = Assert.Throws<ArgumentException>(() => table.AddRow(["only one"]));
        Assert.Contains("2 columns", error.Message);
    }

    [Fact]
    public void Columns_need_positive_weights() =>
        Assert.Throws<ArgumentException>(() => new TableBlock([new TableColumn("A", 0)]));

    private static TableBlock Registrations(int count)
    {
        var table = new TableBlock([new TableColumn("Registration", 1), new TableColumn("Customer", 3), new TableColumn("Amount", 1, ColumnAlign.Right)]);
        for (var r = 1; r <= count; r++)
        {
            table.AddRow([$"REG-{r:0000}", $"Customer {r}", NumberFormat.Money(r * 1000)], r % 10 == 0 ? RowStyle.Warning : RowStyle.Normal);
        }

        return table;
    }
}
