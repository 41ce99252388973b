using System.Text;
using Analytics.Reports.Display;

namespace Analytics.Reports.Weekly.Email;

/// <summary>
/// Aligned columns for the plain-text part. Columns start at their natural width and the widest shrink until the
/// table fits the line; a cell that no longer fits wraps onto further lines of its own column, so nothing is cut.
/// </summary>
internal sealed class PlainTextTable
{
    private const int Gap = 2;
    private const int MinColumn = 6;

    private readonly (string Title, bool Right)[] _columns;
    private readonly List<string[]?> _rows = []; // null is a rule line.

    public PlainTextTable(params (string Title, bool Right)[] columns) => _columns = columns;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"Expected {_columns.Length} cells, got {cells.Length}.", nameof(cells));
        }

        // Neutralised before the widths are measured, so a removed control cannot shift the columns.
        _rows.Add(Array.ConvertAll(cells, UntrustedText.Neutralise));
    }

    public void AddRule() => _rows.Add(null);

    public void Render(StringBuilder text, int indent, int maxWidth)
    {
        var widths = FitWidths(maxWidth - indent - (Gap * (_columns.Length - 1)));
        WriteRow(text, indent, widths, _columns.Select(c => c.Title).ToArray());
        WriteRule(text, indent, widths);
        foreach (var row in _rows)
        {
            if (row is null)
            {
                WriteRule(text, indent, widths);
            }
            else
            {
                WriteRow(text, indent, widths, row);
            }
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, at spaces
    /// where it can and inside a word only when the word alone is too long. Every line of the text part is wrapped
    /// here, so this is where bidi and control characters are removed (<see cref="UntrustedText.Neutralise"/>).</summary>
    public static List<string> Wrap(string text, int width)
    {
        text = UntrustedText.Neutralise(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    line.Append(line.Length == 0 ? "" : " ").Append(rest);
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private int[] FitWidths(int available)
    {
        var widths = new int[_columns.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(_columns[i].Title.Length, _rows.Where(r => r is not null).Select(r => r![i].Length).DefaultIfEmpty(0).Max());
        }

        while (widths.Sum() > available)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinColumn)
            {
                break; // Cannot happen with our four-column tables at 78 characters; better long than unreadable.
            }

            widths[widest]--;
        }

        return widths;
    }

    private void WriteRow(StringBuilder text, int indent, int[] widths, string[] cells)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, widths[i])).ToArray();
        var height = wrapped.Max(w => w.Count);
        for (var line = 0; line < height; line++)
        {
            var sb = new StringBuilder(new string(' ', indent));
            for (var i = 0; i < cells.Length; i++)
            {
                var part = line < wrapped[i].Count ? wrapped[i][line] : "";
                sb.Append(_columns[i].Right ? part.PadLeft(widths[i]) : part.PadRight(widths[i]));
                if (i < cells.Length - 1)
                {
                    sb.Append(' ', Gap);
                }
            }

            text.Append(sb.ToString().TrimEnd()).Append('\n');
        }
    }

    private static void WriteRule(StringBuilder text, int indent, int[] widths) =>
        text.Append(' ', indent).Append(string.Join(new string(' ', Gap), widths.Select(w => new string('-', w)))).Append('\n');
}
