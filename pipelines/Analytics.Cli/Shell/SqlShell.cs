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

    /// <summary>Reads and runs until <c>.quit</c> or the end of input; returns the exit code.</summary>
    public int Run()
    {
        var editor = host.Terminal is { } terminal
            ? new LineEditor(terminal, screen, LineHistory.Load(host.HistoryFile, warning => session.Say("warning: " + warning)))
            : null;
        if (editor is not null)
        {
            session.Say($"analytics sql: {session.Warehouse} (read-only)");
            session.Say("End statements with ';'. .help lists the commands; .quit or Ctrl+D leaves.");
        }

        var pending = new StringBuilder();
        while (NextLine(editor, pending.Length == 0) is { } line)
        {
            if (line.Kind == EditedLineKind.Cleared)
            {
                pending.Clear(); // Ctrl+C throws away the statement being typed, not only its last line
                continue;
            }

            var text = line.Text;
            if (text.TrimStart().StartsWith('.') && !SqlText.HasCode(pending.ToString()))
            {
                pending.Clear();
                if (!commands.Execute(text))
                {
                    break;
                }

                continue;
            }

            if (pending.Length == 0 && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            pending.Append(text).Append('\n');
            if (SqlText.EndsStatement(pending.ToString()))
            {
                RunAll(pending.ToString());
                pending.Clear();
            }
        }

        // Input ended in the middle of a statement (a script whose last line has no ';'): run what there is.
        if (SqlText.HasCode(pending.ToString()))
        {
            RunAll(pending.ToString());
        }

        return editor is null && session.Failures > 0 ? ExitCodes.RunFailed : ExitCodes.Success;
    }

    private EditedLine? NextLine(LineEditor? editor, bool newStatement)
    {
        if (editor is null)
        {
            return host.In.ReadLine() is { } read ? EditedLine.Entered(read) : null;
        }

        var edited = editor.ReadLine(newStatement ? Prompt : ContinuationPrompt);
        if (edited.Kind == EditedLineKind.EndOfInput)
        {
            return null;
        }

        if (edited.Kind == EditedLineKind.Entered && !DotCommands.IsQuit(edited.Text))
        {
            editor.History.Add(edited.Text);
        }

        return edited;
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
