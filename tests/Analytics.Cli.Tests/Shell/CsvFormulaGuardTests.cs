using System.Text;

namespace Analytics.Cli.Tests.Shell;

/// <summary>Issue 23 item 7: CSV text cells a spreadsheet would run as formulas get a leading ', numbers never do.</summary>
public sealed class CsvFormulaGuardTests : IDisposable
{
    /// <summary>Text starting with each formula character, and values that must stay as they are.</summary>
    private const string Hostile = """
        select '=HYPERLINK("http://x","y")' as eq, '+1+2' as plus, '-2+3' as minus, '@SUM(A1)' as at,
               chr(9) || 'tab' as tab, chr(13) || 'cr' as cr,
               -5 as negative, -1.5::decimal(4, 1) as negative_decimal, 'plain' as plain, '' as empty, null as nothing,
               ' =spaced' as spaced, 'a=b' as inner, 1 as "=header"
        """;

    private const string Header = "eq,plus,minus,at,tab,cr,negative,negative_decimal,plain,empty,nothing,spaced,inner,";

    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void Sql_csv_guards_text_cells_starting_with_a_formula_character_but_not_numbers()
    {
        var file = _warehouse.Directory.Combine("guarded.csv");

        var (code, _) = _warehouse.Query(Hostile, "--mode", "csv", "--output", file);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            Header + "'=header\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+2,'-2+3,'@SUM(A1),'\ttab,\"'\rcr\",-5,-1.5,plain,\"\",, =spaced,a=b,1\r\n",
            File.ReadAllText(file, Encoding.UTF8));
        var rows = Rfc4180.Parse(File.ReadAllText(file, Encoding.UTF8));
        Assert.Equal<string?[]>(
            ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\ttab", "'\rcr", "-5", "-1.5", "plain", string.Empty, null, " =spaced", "a=b", "1"],
            rows[1]);
    }

    [Fact]
    public void Sql_csv_raw_writes_text_cells_as_they_are()
    {
        var file = _warehouse.Directory.Combine("raw.csv");

        var (code, _) = _warehouse.Query(Hostile, "--mode", "csv", "--csv-raw", "--output", file);

        Assert.Equal(ExitCodes.Success, code);
        var rows = Rfc4180.Parse(File.ReadAllText(file, Encoding.UTF8));
        Assert.Equal("=header", rows[0][^1]);
        Assert.Equal<string?[]>(
            ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\ttab", "\rcr", "-5", "-1.5", "plain", string.Empty, null, " =spaced", "a=b", "1"],
            rows[1]);
    }

    [Fact]
    public void Shell_csvguard_off_and_on_switch_the_guard_and_alone_says_which()
    {
        var off = _warehouse.Directory.Combine("off.csv");
        var on = _warehouse.Directory.Combine("on.csv");

        var (code, output) = _warehouse.Shell(
            $".csvguard\n.mode csv\n.csvguard off\n.csvguard\n.output {off}\nselect '=1+1' as f, -5 as n;\n.csvguard ON\n.output {on}\nselect '=1+1' as f, -5 as n;\n");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("csvguard: on", output);
        Assert.Contains("csvguard: off", output);
        Assert.Equal("f,n\r\n=1+1,-5\r\n", File.ReadAllText(off));
        Assert.Equal("f,n\r\n'=1+1,-5\r\n", File.ReadAllText(on));
    }

    [Fact]
    public void Shell_csvguard_with_another_word_is_a_clear_error()
    {
        var (code, output) = _warehouse.Shell(".csvguard maybe\n");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("error: .csvguard takes on or off, not 'maybe'.", output);
    }

    [Fact]
    public void Help_lists_csvguard_with_its_state()
    {
        var (_, output) = _warehouse.Shell(".csvguard off\n.help\n");

        Assert.Contains(".csvguard on|off      csv text cells starting with = + - @ tab or CR get a leading ' (now: off)", output);
    }
}
