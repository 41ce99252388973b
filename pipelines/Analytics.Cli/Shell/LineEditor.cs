using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>
/// The sql shell's own small line editor (no readline on .NET): typing inserts at the cursor; Left/Right, Home/End
/// (Ctrl+A/Ctrl+E) move; Backspace and Delete erase; Ctrl+U and Ctrl+K erase to the start and the end; Up/Down
/// (Ctrl+P/Ctrl+N) walk the <see cref="LineHistory"/>, keeping the line being typed at the bottom; Enter enters the
/// line; Ctrl+C throws it away; Ctrl+D on an empty line ends the input. It reads keys from an <see cref="ITerminal"/>
/// and redraws with plain ANSI sequences, so a line longer than the terminal's width wraps and still edits.
/// </summary>
internal sealed partial class LineEditor(ITerminal terminal, TextWriter screen, LineHistory history)
{
    private const int TabWidth = 4;

    private readonly StringBuilder _line = new();
    private string _prompt = string.Empty;
    private int _cursor;
    private int _cursorRow;

    /// <summary>The lines entered so far, which Up and Down walk.</summary>
    public LineHistory History => history;

    /// <summary>Shows <paramref name="prompt"/> and edits one line until Enter, Ctrl+C or Ctrl+D on an empty line.</summary>
    public EditedLine ReadLine(string prompt)
    {
        _prompt = prompt;
        _line.Clear();
        _cursor = 0;
        _cursorRow = 0;
        var historyIndex = history.Entries.Count;
        var draft = string.Empty;
        Render();
        while (true)
        {
            var key = terminal.ReadKey();
            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            var pressed = key.KeyChar switch
            {
                '\r' or '\n' => ConsoleKey.Enter, // however the terminal sends them (a pasted line ends in LF)
                '\b' or '\u007f' => ConsoleKey.Backspace,
                _ => key.Key,
            };
            switch (pressed)
            {
                case ConsoleKey.Enter:
                    return Finish(EditedLine.Entered(_line.ToString()), string.Empty);
                case ConsoleKey.C when control:
                    return Finish(EditedLine.Cleared, "^C");
                case ConsoleKey.D when control:
                    if (_line.Length == 0)
                    {
                        return Finish(EditedLine.EndOfInput, string.Empty);
                    }

                    Delete(_cursor);
                    break;
                case ConsoleKey.LeftArrow:
                case ConsoleKey.B when control:
                    _cursor = Math.Max(0, _cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                case ConsoleKey.F when control:
                    _cursor = Math.Min(_line.Length, _cursor + 1);
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    _cursor = _line.Length;
                    break;
                case ConsoleKey.Backspace:
                case ConsoleKey.H when control:
                    if (_cursor > 0)
                    {
                        Delete(--_cursor);
                    }

                    break;
                case ConsoleKey.Delete:
                    Delete(_cursor);
                    break;
                case ConsoleKey.U when control:
                    _line.Remove(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.K when control:
                    _line.Length = _cursor;
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when control:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == history.Entries.Count)
                        {
                            draft = _line.ToString();
                        }

                        Replace(history.Entries[--historyIndex]);
                    }

                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when control:
                    if (historyIndex < history.Entries.Count)
                    {
                        historyIndex++;
                        Replace(historyIndex == history.Entries.Count ? draft : history.Entries[historyIndex]);
                    }

                    break;
                case ConsoleKey.Tab:
                    Insert(new string(' ', TabWidth)); // a tab would break the cursor arithmetic; SQL does not care
                    break;
                default:
                    if (!control && !char.IsControl(key.KeyChar) && key.KeyChar != '\0')
                    {
                        Insert(key.KeyChar.ToString());
                    }

                    break;
            }

            Render();
        }
    }

    private void Insert(string text)
    {
        _line.Insert(_cursor, text);
        _cursor += text.Length;
    }

    private void Delete(int at)
    {
        if (at < _line.Length)
        {
            _line.Remove(at, 1);
        }
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    /// <summary>Leaves the cursor after the whole line, shows <paramref name="marker"/> (^C), and ends the screen line.</summary>
    private EditedLine Finish(EditedLine result, string marker)
    {
        _cursor = _line.Length;
        Render();
        screen.Write(marker);
        var end = _prompt.Length + _line.Length + marker.Length;
        screen.Write(end > 0 && end % Width == 0 && marker.Length == 0 ? "\r" : "\r\n");
        screen.Flush();
        return result;
    }
}
