
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests.Dictionary;

/// <summary><c>analytics docs</c> through the real command line, over a warehouse built by <c>analytics transform</c> from a tiny project.</summary>
public sealed class DocsCommandTests : IDisposable
{
    private readonly MiniProject _project = new();

    public DocsCommandTests()
    {
        _project.Land(new DateOnly(2026, 6, 30), "registered", "elite");
        File.WriteAllText(Config, $"""
            paths:
              lake: {_project.Lake}
              warehouse: {_project.Warehouse}
              runs: {_project.Runs}
            transform:
              models: {_project.Folder}
            """);
    }

    private string Config => Path.Combine(Path.GetDirectoryName(_project.Folder)!, "pipeline.yaml");

    private string Output => Path.Combine(Path.GetDirectoryName(_project.Folder)!, "warehouse.md");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Docs_writes_the_dictionary_and_check_then_finds_it_current()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("transform", "--config", Config).Code);

        var (code, output) = CliRun.Invoke("docs", "--config", Config, "--output", Output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("tables and views", output, StringComparison.Ordinal);
        var page = File.ReadAllText(Output);
        Assert.StartsWith("# The warehouse data dictionary\n", page, StringComparison.Ordinal);
        Assert.Contains("### `marts.tier_mix`", page, StringComparison.Ordinal);
        Assert.Contains("- **SQL:** [`pipelines/transforms/marts/tier_mix.sql`](../pipelines/transforms/marts/tier_mix.sql)", page, StringComparison.Ordinal);
        Assert.Empty(DictionaryMarkdownTests.BrokenAnchors(page));

        var check = CliRun.Invoke("docs", "--config", Config, "--output", Output, "--check");

        Assert.Equal(ExitCodes.Success, check.Code);
        Assert.Contains("matches the warehouse's catalog", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_1_naming_the_first_differing_line_and_what_differs_and_writes_nothing()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("transform", "--config", Config).Code);
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("docs", "--config", Config, "--output", Output).Code);
        var stale = File.ReadAllText(Output).Replace("| `share` | DOUBLE | Share of all partners. |", "| `share` | DOUBLE | Share. |", StringComparison.Ordinal);
        File.WriteAllText(Output, stale);

        var (code, output) = CliRun.Invoke("docs", "--config", Config, "--output", Output, "--check");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("is out of date with the warehouse's catalog; first difference at line", output, StringComparison.Ordinal);
        Assert.Contains("file:    | `share` | DOUBLE | Share. |", output, StringComparison.Ordinal);
        Assert.Contains("- `marts.tier_mix`: columns share (changed)", output, StringComparison.Ordinal);
        Assert.Contains("Run analytics docs", output, StringComparison.Ordinal);
        Assert.Equal(stale, File.ReadAllText(Output));
    }

    [Fact]
    public void Check_of_a_missing_file_exits_1()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("transform", "--config", Config).Code);

        var (code, output) = CliRun.Invoke("docs", "--config", Config, "--output", Output, "--check");

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_that_does_not_exist_is_bad_usage()
    {
        var (code, output) = CliRun.Invoke("docs", "--config", Config, "--output", Path.Combine(_project.Folder, "no-such-folder", "warehouse.md"));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("run from the repository root or pass --output", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_warehouse_docs_exits_1_saying_what_to_run_first()
    {
        var (code, output) = CliRun.Invoke("docs", "--config", Config, "--output", Output);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("no warehouse yet", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
