namespace Analytics.Cli.Shell;

/// <summary>
/// What the sql shell takes from the process besides the console: stdin, the terminal when stdin is one, stderr, and
/// the history file. Tests replace all of them.
/// </summary>
/// <param name="In">Standard input, read line by line when it is piped or redirected; opened only by the shell, because
/// on a terminal .NET sets up its terminal handling the first time <see cref="Console.In"/> is used.</param>
/// <param name="Terminal">The terminal when stdin is one (prompts and the line editor); null when stdin is piped.</param>
/// <param name="Error">Standard error: where messages go while standard output carries CSV or JSON.</param>
/// <param name="Screen">Where the line editor draws; null for the console's own output.</param>
/// <param name="HistoryFile">The shell's history file.</param>
internal sealed record ShellHost(Func<TextReader> In, ITerminal? Terminal, TextWriter Error, TextWriter? Screen, string HistoryFile)
{
    /// <summary>The environment variable naming the history file (default <c>~/.analytics_sql_history</c>).</summary>
    public const string HistoryVariable = "ANALYTICS_SQL_HISTORY";

    /// <summary>The folder relative paths start from and pipeline.yaml is looked up from (the process's current directory).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Whether stdin is a terminal.</summary>
    public bool InIsTerminal => Terminal is not null;

    /// <summary>The real process: stdin a terminal unless redirected; the editor draws on stderr when stdout is redirected, so a file gets results only.</summary>
    public static ShellHost FromProcess() => new(
        () => Console.In,
        Console.IsInputRedirected ? null : new ConsoleTerminal(),
        Console.Error,
        Console.IsOutputRedirected ? Console.Error : null,
        DefaultHistoryFile());

    /// <summary>A host with nothing on stdin (and no terminal): what commands other than the shell see in tests.</summary>
    public static ShellHost Empty(TextWriter error, string historyFile) => new(() => TextReader.Null, null, error, null, historyFile);

    /// <summary><c>ANALYTICS_SQL_HISTORY</c> when set, else <c>.analytics_sql_history</c> in the home folder.</summary>
    public static string DefaultHistoryFile() =>
        Environment.GetEnvironmentVariable(HistoryVariable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".analytics_sql_history");
}
