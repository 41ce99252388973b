namespace Analytics.Cli.Shell;

/// <summary>
/// The terminal the sql shell's <see cref="LineEditor"/> reads keys from: the real console, or a script of keystrokes
/// in tests.
/// </summary>
internal interface ITerminal
{
    /// <summary>The terminal's width in columns (the editor redraws lines that wrap).</summary>
    int Width { get; }

    /// <summary>Waits for the next key, without echoing it; Ctrl+C arrives as a key.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>Until the returned registration is disposed, Ctrl+C calls <paramref name="interrupt"/> (a query is running) instead of arriving as a key.</summary>
    IDisposable InterruptOnCtrlC(Action interrupt);
}
