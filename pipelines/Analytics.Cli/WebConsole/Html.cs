using System.Globalization;
using System.Net;
using System.Text;

namespace Analytics.Cli.WebConsole;

/// <summary>
/// A server-rendered page: every piece of data goes through <see cref="Text"/> (HTML-escaped), only the page's own
/// markup is written raw. No scripts: the pages are plain HTML with one inline style sheet.
/// </summary>
internal sealed class Html
{
    private const string Style = """
        body{font-family:'DejaVu Sans',sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{background:#1d2733;color:#fff;padding:10px 24px;display:flex;gap:22px;align-items:baseline}
        header a{color:#cfe0f5;text-decoration:none}header strong{font-size:18px;margin-right:12px}
        main{padding:18px 24px}table{border-collapse:collapse;background:#fff;margin:8px 0 18px;font-size:13px}
        th,td{border:1px solid #d5dae1;padding:4px 8px;text-align:left;vertical-align:top;white-space:nowrap}th{background:#eef1f5}
        td:last-child{white-space:normal;min-width:240px}
        .ok{color:#17702d;font-weight:bold}.bad{color:#b3261e;font-weight:bold}.warn{color:#8a5a00;font-weight:bold}
        pre{background:#fff;border:1px solid #d5dae1;padding:8px;font-size:12px;white-space:pre-wrap;max-width:1100px}
        .muted{color:#5b6673}h1{font-size:20px}h2{font-size:16px;margin-top:22px}
        """;

    private readonly StringBuilder _body = new();

    /// <summary>Appends raw markup (the page's own, never data).</summary>
    public Html Raw(string markup)
    {
        _body.Append(markup);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> HTML-escaped.</summary>
    public Html Text(object? value)
    {
        _body.Append(Escape(value));
        return this;
    }

    /// <summary>A heading.</summary>
    public Html Heading(int level, string text) => Raw($"<h{level}>").Text(text).Raw($"</h{level}>\n");

    /// <summary>A paragraph of text.</summary>
    public Html Paragraph(string text, string? cssClass = null) => Raw(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Text(text).Raw("</p>\n");

    /// <summary>A link; <paramref name="href"/> is built by the caller from escaped path segments (see <see cref="Segment"/>).</summary>
    public Html Link(string href, object? text) => Raw("<a href=\"").Text(href).Raw("\">").Text(text).Raw("</a>");

    /// <summary>A table: header cells, then rows whose cells append themselves.</summary>
    public Html Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Action<Html>>> rows, string? id = null)
    {
        Raw(id is null ? "<table>" : $"<table id=\"{id}\">").Raw("<tr>");
        foreach (var header in headers)
        {
            Raw("<th>").Text(header).Raw("</th>");
        }

        Raw("</tr>\n");
        foreach (var row in rows)
        {
            Raw("<tr>");
            foreach (var cell in row)
            {
                Raw("<td>");
                cell(this);
                Raw("</td>");
            }

            Raw("</tr>\n");
        }

        return Raw("</table>\n");
    }

    /// <summary>A cell holding plain text.</summary>
    public static Action<Html> Cell(object? value) => h => h.Text(value);

    /// <summary>A cell holding text with a class (ok, bad, warn, muted).</summary>
    public static Action<Html> Cell(object? value, string cssClass) => h => h.Raw($"<span class=\"{cssClass}\">").Text(value).Raw("</span>");

    /// <summary>A cell holding a link.</summary>
    public static Action<Html> LinkCell(string href, object? text) => h => h.Link(href, text);

    /// <summary>One URL path segment, percent-encoded.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>HTML-escapes <paramref name="value"/> (invariant culture for numbers and dates).</summary>
    public static string Escape(object? value) => WebUtility.HtmlEncode(value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    });

    /// <summary>The whole page with the navigation.</summary>
    public string Page(string title)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Escape(title)).Append(" · analytics</title>");
        page.Append("<style>").Append(Style).Append("</style><link rel=\"icon\" href=\"data:,\"></head><body>\n");
        page.Append("<header><strong>analytics</strong><a href=\"/\">runs</a><a href=\"/freshness\">freshness</a><a href=\"/packs\">QBR packs</a>")
            .Append("<a href=\"/emails\">weekly emails</a><a href=\"/catalog\">data dictionary</a><a href=\"/hangfire\">schedules (Hangfire)</a></header>\n<main>");
        page.Append("<h1>").Append(Escape(title)).Append("</h1>\n").Append(_body).Append("</main></body></html>\n");
        return page.ToString();
    }
}
