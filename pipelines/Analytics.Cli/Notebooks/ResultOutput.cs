using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Cli.Results;

namespace Analytics.Cli.Notebooks;

/// <summary>
/// One query result as a Jupyter output: an HTML table (what notebook viewers show) and the same table as plain text
/// (what a terminal or a diff shows). Only the first <see cref="MaxRows"/> rows are kept; the rest are counted.
/// </summary>
internal static class ResultOutput
{
    /// <summary>The most rows a cell's output shows; a cell that wants a longer list should aggregate or page in SQL.</summary>
    public const int MaxRows = 50;

    /// <summary>Reads the reader's current result to the end and returns it as a <c>display_data</c> output.</summary>
    public static JsonObject Read(DbDataReader reader)
    {
        var page = ResultPage.Read(reader, MaxRows);
        var (columns, rows, count) = (page.Columns, page.Rows, page.Count);
        var footer = count > MaxRows
            ? string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows; the first {MaxRows} are shown.")
            : string.Create(CultureInfo.InvariantCulture, $"{count:N0} row{(count == 1 ? string.Empty : "s")}");
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["text/html"] = Notebook.Lines(Html(columns, rows, footer)),
                ["text/plain"] = Notebook.Lines(TextTable.Render(columns, rows) + footer),
            },
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        };
    }

    /// <summary>The rows as an HTML table; every value is HTML-encoded, numbers are right-aligned.</summary>
    public static string Html(IReadOnlyList<ResultColumn> columns, IReadOnlyList<string[]> rows, string footer)
    {
        var html = new StringBuilder();
        html.Append("<table>\n<thead>\n<tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(columns[i].IsNumeric ? "<td style=\"text-align: right\">" : "<td>").Append(WebUtility.HtmlEncode(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p>").Append(WebUtility.HtmlEncode(footer)).Append("</p>");
        return html.ToString();
    }
}
