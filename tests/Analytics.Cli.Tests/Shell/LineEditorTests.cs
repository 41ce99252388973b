using Analytics.Cli.Shell;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Shell;

/// <summary>The sql shell's line editor, driven by keystroke scripts.</summary>
public sealed class LineEditorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly StringWriter _screen = new();

    public void Dispose() => _directory.Dispose();

    private LineHistory History(params string[] entries) => new(_directory.Combine("history"), entries, _ => { });

    private EditedLine Edit(LineHistory history, params object[] script) =>
        new LineEditor(new ScriptedTerminal(Keys.Script(script)), _screen, history).ReadLine("analytics> ");

    [Fact]
    public void Typing_then_enter_returns_the_line()
    {
        var line = Edit(History(), "select 1;", Keys.Enter);

        Assert.Equal(EditedLine.Entered("select 1;"), line);
        Assert.StartsWith("\r\u001b[Janalytics> ", _screen.ToString());
    }

    [Fact]
    public void Left_arrow_then_typing_inserts_at_the_cursor()
    {
        var line = Edit(History(), "selct 1", Keys.Left, Keys.Left, Keys.Left, Keys.Left, "e", Keys.Enter);

        Assert.Equal("select 1", line.Text);
    }

    [Fact]
    public void Home_end_backspace_and_delete_edit_where_the_cursor_is()
    {
        var line = Edit(History(), "xelect 1", Keys.Home, Keys.Delete, "s", Keys.End, Keys.Backspace, "2", Keys.Left, Keys.Right, "0", Keys.Enter);

        Assert.Equal("select 20", line.Text);
    }

    [Fact]
    public void Up_arrow_recalls_the_previous_entry_and_down_returns_to_the_line_being_typed()
    {
        var history = History("select 1;", "select 2;");

        Assert.Equal("select 2;", Edit(history, Keys.Up, Keys.Enter).Text);
        Assert.Equal("select 1;", Edit(history, Keys.Up, Keys.Up, Keys.Up, Keys.Enter).Text);
        Assert.Equal("draft", Edit(history, "draft", Keys.Up, Keys.Up, Keys.Down, Keys.Down, Keys.Enter).Text);
        Assert.Equal("select 2; -- again", Edit(history, Keys.Up, " -- again", Keys.Enter).Text);
    }

    [Fact]
    public void Ctrl_c_throws_the_line_away()
    {
        var line = Edit(History(), "select oops", Keys.CtrlC);

        Assert.Equal(EditedLine.Cleared, line);
        Assert.Contains("^C\r\n", _screen.ToString());
    }

    [Fact]
    public void Ctrl_d_ends_the_input_on_an_empty_line_and_deletes_a_character_otherwise()
    {
        Assert.Equal(EditedLine.EndOfInput, Edit(History(), Keys.CtrlD));
        Assert.Equal("ab", Edit(History(), "axb", Keys.Left, Keys.Left, Keys.CtrlD, Keys.Enter).Text);
    }

    [Fact]
    public void A_line_wider_than_the_terminal_still_edits_and_the_cursor_moves_up_to_its_first_row()
    {
        var text = new string('x', 100);
        var editor = new LineEditor(new ScriptedTerminal(Keys.Script(text, Keys.Home, "y", Keys.Enter), width: 40), _screen, History());

        var line = editor.ReadLine("analytics> ");

        Assert.Equal("y" + text, line.Text);
        Assert.Contains("\u001b[2A", _screen.ToString()); // from the third row of the wrapped line back to the prompt's row
    }

    [Fact]
    public void History_is_saved_to_its_file_and_loaded_by_the_next_session()
    {
        var file = _directory.Combine("history");
        var first = LineHistory.Load(file, _ => { });
        first.Add("select 1;");
        first.Add("select 1;");
        first.Add("   ");
        first.Add(".tables");

        var next = LineHistory.Load(file, _ => { });

        Assert.Equal(["select 1;", ".tables"], next.Entries);
        Assert.Equal(".tables", Edit(next, Keys.Up, Keys.Enter).Text);
    }

    [Fact]
    public void History_keeps_the_last_thousand_lines()
    {
        var file = _directory.Combine("history");
        var history = LineHistory.Load(file, _ => { });
        for (var i = 1; i <= LineHistory.Capacity + 5; i++)
        {
            history.Add($"select {i};");
        }

        var reloaded = LineHistory.Load(file, _ => { });

        Assert.Equal(LineHistory.Capacity, reloaded.Entries.Count);
        Assert.Equal("select 6;", reloaded.Entries[0]);
        Assert.Equal("select 1005;", reloaded.Entries[^1]);
    }

    [Fact]
    public void A_history_file_that_cannot_be_written_costs_a_warning_not_the_session()
    {
        var warnings = new List<string>();
        var history = LineHistory.Load(_directory.Combine("missing-folder", "history"), warnings.Add);

        history.Add("select 1;");
        history.Add("select 2;");

        Assert.Equal(["select 1;", "select 2;"], history.Entries);
        Assert.Single(warnings);
        Assert.StartsWith("history not saved to ", warnings[0]);
    }
}
