using Analytics.TestSupport.Files;
using Spectre.Console;

namespace Analytics.Cli.Tests;

public sealed class ConsoleSetupTests
{
    private const char Escape = '\u001b';

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "1")]
    [InlineData(true, "1")]
    public void Redirected_output_or_no_color_writes_no_ansi_escape_codes(bool redirected, string? noColor)
    {
        var output = new StringWriter();
        var console = ConsoleSetup.Create(output, redirected, noColor);

        console.MarkupLine("[green]succeeded[/] [bold]run[/] [red]failed[/]");
        console.Write(new Table().AddColumn("step").AddRow("[green]extract[/]"));

        Assert.DoesNotContain(Escape, output.ToString());
        Assert.Contains("succeeded run failed", output.ToString());
        Assert.Contains("extract", output.ToString());
    }

    [Fact]
    public async Task The_built_command_piped_into_a_file_writes_its_styled_messages_without_ansi_escape_codes()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"), dir.Combine("pipeline.yaml"));

        var (code, stdout, stderr) = await RunBuilt(dir.Path, [], "freshness");

        Assert.Equal(ExitCodes.RunFailed, code); // an empty lake is stale: the loud, styled message
        Assert.Contains("STALE: the lake", stdout + stderr);
        Assert.DoesNotContain(Escape, stdout + stderr);
    }

    [Fact]
    public async Task Status_piped_from_a_folder_inside_the_project_names_the_configuration_it_found_and_writes_plain_text()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"), dir.Combine("pipeline.yaml"));
        var inner = Directory.CreateDirectory(dir.Combine("notebooks")).FullName;

        var (code, stdout, stderr) = await RunBuilt(inner, [], "status");

        Assert.Equal(ExitCodes.Success, code); // no runs yet: nothing failed
        Assert.Contains($"using {dir.Combine("pipeline.yaml")} (no pipeline.yaml in {inner})", stderr);
        Assert.Contains("next (UTC)", stdout);
        Assert.DoesNotContain(Escape, stdout + stderr);
        Assert.All(stdout.ReplaceLineEndings("\n").Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("1", true)]
    public async Task A_failure_shows_its_stack_trace_only_with_analytics_debug(string? debug, bool stackTrace)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("pipeline.yaml"), "source:\n\tkind: demo\n");

        var (code, stdout, stderr) = await RunBuilt(dir.Path, debug is null ? [] : [("ANALYTICS_DEBUG", debug)], "status");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("pipeline.yaml:2:1: a tab indents this line", stdout + stderr);
        Assert.Equal(stackTrace, (stdout + stderr).Contains("   at ", StringComparison.Ordinal));
    }

    /// <summary>Runs the built <c>analytics</c> in <paramref name="folder"/> with stdout and stderr redirected, on a colour terminal type.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunBuilt(string folder, (string Name, string Value)[] environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "analytics"), args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("ANALYTICS_DEBUG");
        start.Environment["TERM"] = "xterm-256color"; // a colour terminal type: only the redirection may turn colours off
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
