using Analytics.Cli.Shell;
using Spectre.Console;

namespace Analytics.Cli.Tests;

/// <summary>Runs the CLI in-process with a captured console, a fixed clock and a stdin of the test's choosing.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Runs with nothing on stdin; stderr is captured with the console, as a terminal shows both.</summary>
    public static (int Code, string Output) Invoke(params string[] args) => Run(output => ShellHost.Empty(output, NoHistory), args);

    /// <summary>Runs with nothing on stdin and the clock at <paramref name="now"/> (a command's "today" and its run's start).</summary>
    public static (int Code, string Output) InvokeAt(DateTimeOffset now, params string[] args) => Run(now, output => ShellHost.Empty(output, NoHistory), args);

    /// <summary>Runs with <paramref name="stdin"/> piped in (no terminal); stderr is captured with the console.</summary>
    public static (int Code, string Output) Piped(string stdin, params string[] args) =>
        Run(output => ShellHost.Empty(output, NoHistory) with { In = () => new StringReader(stdin) }, args);

    /// <summary>Runs with the host <paramref name="host"/> builds around the captured console output.</summary>
    public static (int Code, string Output) Run(Func<TextWriter, ShellHost> host, params string[] args) => Run(Now, host, args);

    /// <summary>Runs on a console <paramref name="width"/> columns wide (a terminal's width; the other runs use 200).</summary>
    public static (int Code, string Output) InvokeWidth(int width, params string[] args) => Run(Now, output => ShellHost.Empty(output, NoHistory), args, width);

    private static (int Code, string Output) Run(DateTimeOffset now, Func<TextWriter, ShellHost> host, string[] args, int width = 200)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        var code = CliApplication.Create(new FixedClock(now), console, host(output)).InvokeAsync(args).GetAwaiter().GetResult();
        return (code, output.ToString());
    }

    private static string NoHistory => Path.Combine(Path.GetTempPath(), "analytics-tests", "no-history-" + Guid.NewGuid().ToString("N"));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
