using Analytics.Cli.Shell;

namespace Analytics.Cli.Tests.Shell;

/// <summary>A terminal whose keys are a script; when the script runs out it presses Ctrl+D, so a test never hangs.</summary>
internal sealed class ScriptedTerminal(IEnumerable<ConsoleKeyInfo> keys, int width = 80) : ITerminal
{
    private readonly Queue<ConsoleKeyInfo> _keys = new(keys);

    public int Width => width;

    public int InterruptRegistrations { get; private set; }

    public ConsoleKeyInfo ReadKey() => _keys.TryDequeue(out var key) ? key : Keys.CtrlD;

    public IDisposable InterruptOnCtrlC(Action interrupt)
    {
        InterruptRegistrations++;
        return new Nothing();
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
