using System.Runtime.InteropServices;

namespace Analytics.Cli;

/// <summary>
/// Ctrl+C and SIGTERM as a token: the first asks the running step to finish and the run (or <c>serve</c>) to stop
/// after it; a second Ctrl+C ends the process at once.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration? _term;
    private readonly Action<string> _say;

    public StopSignal(Action<string> say)
    {
        _say = say;
        Console.CancelKeyPress += OnCancelKeyPress;
        _term = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop("SIGTERM");
        });
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _term?.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return; // a second Ctrl+C: let it end the process
        }

        e.Cancel = true;
        Stop("Ctrl+C");
    }

    private void Stop(string why)
    {
        if (!_source.IsCancellationRequested)
        {
            _say($"{why}: finishing the running step, then stopping (Ctrl+C again to end at once)");
            _source.Cancel();
        }
    }
}
