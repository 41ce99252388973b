using System.Runtime.InteropServices;

namespace Analytics.Benchmarks;

/// <summary>Waits for Ctrl+C or SIGTERM, so that a server command stops cleanly (and cleans up) either way.</summary>
internal static class StopSignal
{
    public static async Task WaitAsync()
    {
        var stopped = new TaskCompletionSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            stopped.TrySetResult();
        }

        Console.CancelKeyPress += OnCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopped.TrySetResult();
        });
        await stopped.Task;
        Console.CancelKeyPress -= OnCancel;
    }
}
