using System.Runtime.InteropServices;

namespace Analytics.Benchmarks;

/// <summary>How a standalone contract server (<c>salesforce-server</c>, <c>hubspot-server</c>) waits for Ctrl+C or SIGTERM.</summary>
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
