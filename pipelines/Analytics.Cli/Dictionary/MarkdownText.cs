using System.Text;

namespace Analytics.Cli.Dictionary;

/// <summary>
/// Catalog text made safe for GitHub-flavoured Markdown, and the anchors GitHub gives headings. Descriptions are plain
/// sentences with the odd <c>`code`</c> span; outside code spans, <c>&lt;</c> (GitHub would drop
/// <c>&lt;entity&gt;</c> as an unknown HTML tag) and <c>*</c> (emphasis) are escaped, and in table cells <c>|</c> is too
/// (GFM needs that even inside code spans). Line breaks become spaces: every value stays on its line.
/// </summary>
internal static class MarkdownText
{
    /// <summary><paramref name="text"/> for a paragraph or a list item.</summary>
    public static string Inline(string text) => Escape(text, inTable: false);

    /// <summary><paramref name="text"/> for a table cell.</summary>
    public static string Cell(string text) => Escape(text, inTable: true);

    /// <summary>
    /// The anchor GitHub derives from a heading's text (as github-slugger does): lowercase, every character but letters,
    /// digits, <c>_</c>, <c>-</c> and spaces dropped, spaces turned into <c>-</c>. <c>`marts.win_rates`</c> gives
    /// <c>martswin_rates</c>.
    /// </summary>
    public static string Anchor(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string Escape(string text, bool inTable)
    {
        var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
        var result = new StringBuilder(flat.Length + 16);
        var balanced = flat.Count(c => c == '`') % 2 == 0; // a stray backtick opens no code span
        var inCode = false;
        foreach (var c in flat)
        {
            if (c == '`' && balanced)
            {
                inCode = !inCode;
                result.Append(c);
            }
            else if (c == '|' && inTable)
            {
                result.Append("\\|");
            }
            else if (!inCode && c == '<')
            {
                result.Append("&lt;");
            }
            else if (!inCode && c is '*' or '\\')
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
