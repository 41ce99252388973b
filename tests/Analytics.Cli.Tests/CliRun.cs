using Spectre.Console;

namespace Analytics.Cli.Tests;

/// <summary>Runs the CLI in-process with a captured console and a fixed clock.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    public static (int Code, string Output) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var code = CliApplication.Create(new FixedClock(Now), console).InvokeAsync(args).GetAwaiter().GetResult();
        return (code, output.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
