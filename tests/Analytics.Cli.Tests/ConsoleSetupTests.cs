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
        var folder = Directory.CreateTempSubdirectory("analytics-console-");
        try
        {
            File.Copy(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"), Path.Combine(folder.FullName, "pipeline.yaml"));
            var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "analytics"), ["freshness"])
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("NO_COLOR");
            start.Environment["TERM"] = "xterm-256color"; // a colour terminal type: only the redirection may turn colours off
            using var process = System.Diagnostics.Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(ExitCodes.RunFailed, process.ExitCode); // an empty lake is stale: the loud, styled message
            Assert.Contains("STALE: the lake", stdout + stderr);
            Assert.DoesNotContain(Escape, stdout + stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
