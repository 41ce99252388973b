using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// The console the commands write to: colours and styles on a terminal; plain text, without one ANSI escape code, when
/// standard output is redirected (logs, pipes, CI) or the <c>NO_COLOR</c> environment variable is set (no-color.org).
/// </summary>
public static class ConsoleSetup
{
    /// <summary>The process's console, decided from the real standard output and environment.</summary>
    public static IAnsiConsole ForProcess() =>
        Create(Console.Out, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A console on <paramref name="output"/>; plain when <paramref name="redirected"/> or <paramref name="noColor"/> is non-empty.</summary>
    public static IAnsiConsole Create(TextWriter output, bool redirected, string? noColor)
    {
        ArgumentNullException.ThrowIfNull(output);
        var plain = redirected || !string.IsNullOrEmpty(noColor);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
    }
}
