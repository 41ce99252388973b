using System.Diagnostics;
using Analytics.Orchestration.Runs;
using Analytics.TestSupport.Files;

namespace Analytics.Orchestration.Tests.Runs;

/// <summary>
/// The run lock excludes every other taker: a second lock in this process, and another process (util-linux's
/// <c>flock</c>, which takes the same advisory locks) asking for a shared or an exclusive lock.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Runs => _directory.Combine("runs");

    private string LockPath => Path.Combine(Runs, RunLock.FileName);

    [Fact]
    public void A_second_lock_is_refused_while_the_first_is_held_and_names_its_holder()
    {
        using (var first = RunLock.TryAcquire(Runs, "main run on host, pid 111", out _))
        {
            Assert.NotNull(first);
            first.Describe("main run 20261121T030000Z-abcd on host, pid 111");

            var second = RunLock.TryAcquire(Runs, "main run on host, pid 222", out var heldBy);

            Assert.Null(second);
            Assert.Equal("main run 20261121T030000Z-abcd on host, pid 111", heldBy);
        }

        using var third = RunLock.TryAcquire(Runs, "main run on host, pid 333", out _);
        Assert.NotNull(third);
    }

    [Fact]
    public void Another_process_can_take_neither_a_shared_nor_an_exclusive_lock_while_a_run_holds_it()
    {
        using (var held = RunLock.TryAcquire(Runs, "main run", out _))
        {
            Assert.NotNull(held);
            Assert.Equal(1, Flock("-n", "-s", LockPath, "true"));
            Assert.Equal(1, Flock("-n", "-x", LockPath, "true"));
        }

        Assert.Equal(0, Flock("-n", "-x", LockPath, "true"));
    }

    [Fact]
    public async Task A_lock_held_by_another_process_refuses_the_run()
    {
        Directory.CreateDirectory(Runs);
        using var other = Process.Start(new ProcessStartInfo("flock", ["-x", LockPath, "-c", "echo locked; exec sleep 60"]) { RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("locked", other.StandardOutput.ReadLine());

            using var refused = RunLock.TryAcquire(Runs, "main run", out var heldBy);

            Assert.Null(refused);
            Assert.Equal("another process", heldBy);
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            other.WaitForExit();
        }

        // The kernel drops the lock once the last process holding it (flock's child too) is gone.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var acquired = await RunLock.AcquireAsync(Runs, "main run", TimeSpan.FromMilliseconds(50), null, timeout.Token);
        Assert.NotNull(acquired);
    }

    [Fact]
    public void The_lock_is_an_exclusive_flock_in_proc_locks()
    {
        using var held = RunLock.TryAcquire(Runs, "main run", out _);
        Assert.NotNull(held);
        var inode = Run("stat", "-c", "%i", LockPath).Trim();

        var line = File.ReadAllLines("/proc/locks").Single(l => l.Contains($":{inode} ", StringComparison.Ordinal) && l.Contains($" {Environment.ProcessId} ", StringComparison.Ordinal));

        Assert.Matches(@"FLOCK\s+ADVISORY\s+WRITE", line);
    }

    private static int Flock(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", args))!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
