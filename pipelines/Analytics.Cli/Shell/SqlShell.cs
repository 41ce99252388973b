using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>
/// The interactive sql shell (<c>analytics sql</c> without a query). Lines are gathered until one ends a statement
/// (<see cref="SqlText.EndsStatement"/>), then every statement gathered runs; a line starting with '.' at the start of a
/// statement is a <see cref="DotCommands">dot-command</see>. On a terminal it prompts and edits lines with
/// <see cref="LineEditor"/> and its history, and Ctrl+C interrupts a running query; piped stdin is read as a script,
/// without prompts, and the exit code says whether anything failed.
/// </summary>
internal sealed class SqlShell(SqlSession session, DotCommands commands, ShellHost host, TextWriter screen)
{
    /// <summary>The prompt for a new statement.</summary>
    public const string Prompt = "analytics> ";

    /// <summary>The prompt for a statement's next line (as wide as <see cref="Prompt"/>).</summary>
    public const string ContinuationPrompt = "      ...> ";

    private readonly StringBuilder _pending = new();
    private LineEditor? _editor;
    private TextReader? _stdin;

    /// <summary>Reads and runs until <c>.quit</c> or the end of input; returns the exit code.</summary>
    public int Run()
    {
        if (host.Terminal is { } terminal)
        {
            _editor = new LineEditor(terminal, screen, LineHistory.Load(host.HistoryFile, warning => session.Say("warning: " + warning)));
            session.Say($"analytics sql: {session.Warehouse} (read-only)");
            session.Say("End statements with ';'. .help lists the commands; .quit or Ctrl+D leaves.");
        }

        while (NextLine() is { } line)
        {
            if (line.Kind == EditedLineKind.Cleared)
            {
                Remember(_pending.ToString());
                _pending.Clear(); // Ctrl+C throws away the statement being typed, not only its last line
                continue;
            }

            var text = line.Text;
            if (text.TrimStart().StartsWith('.') && !SqlText.HasCode(_pending.ToString()))
            {
                _pending.Clear();
                if (!DotCommands.IsQuit(text))
                {
                    Remember(text);
                }

                if (!commands.Execute(text))
                {
                    break;
                }

                continue;
            }

            if (_pending.Length == 0 && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            _pending.Append(text).Append('\n');
            if (SqlText.EndsStatement(_pending.ToString()))
            {
                Remember(_pending.ToString());
                RunAll(_pending.ToString());
                _pending.Clear();
            }
        }

        // Input ended in the middle of a statement (a script whose last line has no ';'): run what there is.
        if (SqlText.HasCode(_pending.ToString()))
        {
            RunAll(_pending.ToString());
        }

        return _editor is null && session.Failures > 0 ? ExitCodes.RunFailed : ExitCodes.Success;
    }

    private EditedLine? NextLine()
    {
        if (_editor is null)
        {
            _stdin ??= host.In();
            return _stdin.ReadLine() is { } read ? EditedLine.Entered(read) : null;
        }

        var edited = _editor.ReadLine(_pending.Length == 0 ? Prompt : ContinuationPrompt);
        return edited.Kind == EditedLineKind.EndOfInput ? null : edited;
    }

    /// <summary>
    /// Adds what was entered to the history: a statement typed over several lines as one line when that is the same SQL
    /// (so Up recalls it whole), else line by line as typed.
    /// </summary>
    private void Remember(string entered)
    {
        if (_editor is null || string.IsNullOrWhiteSpace(entered))
        {
            return;
        }

        var lines = SqlText.OneLine(entered) is { } one ? [one] : entered.TrimEnd('\n').Split('\n');
        foreach (var line in lines)
        {
            _editor.History.Add(line);
        }
    }

    private void RunAll(string text)
    {
        if (host.Terminal is { } terminal)
        {
            using var interrupts = terminal.InterruptOnCtrlC(session.Interrupt);
            session.RunAll(text);
        }
        else
        {
            session.RunAll(text);
        }
    }
}
