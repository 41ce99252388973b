using System.Globalization;
using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>Drawing: the prompt and line redrawn whole after each key, wrapped at the terminal's width.</summary>
internal sealed partial class LineEditor
{
    private const string Escape = "\u001b[";

    private int Width => Math.Max(terminal.Width, 10);

    /// <summary>
    /// Redraws from the prompt's first row: up to it, clear to the end of the screen, write prompt and line, then move the
    /// cursor back to its place. A line filling its last row exactly leaves the terminal waiting to wrap, so a line
    /// break is written to put the cursor where the arithmetic says it is.
    /// </summary>
    private void Render()
    {
        var width = Width;
        var output = new StringBuilder();
        if (_cursorRow > 0)
        {
            output.Append(Escape).Append(_cursorRow.ToString(CultureInfo.InvariantCulture)).Append('A');
        }

        output.Append('\r').Append(Escape).Append('J').Append(_prompt).Append(_line);
        var end = _prompt.Length + _line.Length;
        if (end > 0 && end % width == 0)
        {
            output.Append("\r\n");
        }

        var endRow = end / width;
        var target = _prompt.Length + _cursor;
        var targetRow = target / width;
        var targetColumn = target % width;
        if (endRow > targetRow)
        {
            output.Append(Escape).Append((endRow - targetRow).ToString(CultureInfo.InvariantCulture)).Append('A');
        }

        output.Append('\r');
        if (targetColumn > 0)
        {
            output.Append(Escape).Append(targetColumn.ToString(CultureInfo.InvariantCulture)).Append('C');
        }

        _cursorRow = targetRow;
        screen.Write(output.ToString());
        screen.Flush();
    }
}
