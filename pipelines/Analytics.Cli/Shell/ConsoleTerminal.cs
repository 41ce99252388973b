namespace Analytics.Cli.Shell;

/// <summary>The process's own terminal (stdin is one): keys from <see cref="Console.ReadKey(bool)"/>.</summary>
internal sealed class ConsoleTerminal : ITerminal
{
    private const int FallbackWidth = 80;

    /// <inheritdoc />
    public int Width
    {
        get
        {
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : FallbackWidth;
            }
            catch (IOException)
            {
                return FallbackWidth;
            }
        }
    }

    /// <inheritdoc />
    public ConsoleKeyInfo ReadKey()
    {
        // While the editor reads, Ctrl+C is a key (it clears the line) rather than SIGINT, which would end the process.
        Console.TreatControlCAsInput = true;
        return Console.ReadKey(intercept: true);
    }

    /// <inheritdoc />
    public IDisposable InterruptOnCtrlC(Action interrupt)
    {
        ConsoleCancelEventHandler handler = (_, e) =>
        {
            e.Cancel = true; // the shell lives on; only the query stops
            interrupt();
        };
        Console.TreatControlCAsInput = false;
        Console.CancelKeyPress += handler;
        return new Registration(() => Console.CancelKeyPress -= handler);
    }

    private sealed class Registration(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
