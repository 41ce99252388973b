using System.Collections.Concurrent;
using Analytics.Pipelines.Resilience;
using Analytics.Reports.Delivery;

namespace Analytics.Reports.Tests.Delivery;

public sealed partial class DelivererTests
{
    private static readonly string[] TwelveManagers = [.. Enumerable.Range(1, 12).Select(i => $"manager{i:00}@example.com")];

    [Fact]
    public async Task Two_deliveries_of_the_same_week_at_once_send_every_key_exactly_once()
    {
        var outbox = _temp.Combine("outbox");
        var sends = new ConcurrentBag<string>();
        var firstSendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new SlowOutbox(new OutboxTransport(outbox), sends, firstSendStarted);
        var progress = new List<string>();

        // The second delivery starts while the first is half-way through its batch.
        var first = Task.Run(() => Delivery(outbox, transport, progress).DeliverAsync(DeliveryFixtures.WeeklyEmails(TwelveManagers), CancellationToken.None));
        await firstSendStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Task.Run(() => Delivery(outbox, transport, progress).DeliverAsync(DeliveryFixtures.WeeklyEmails(TwelveManagers), CancellationToken.None));
        var reports = await Task.WhenAll(first, second);

        Assert.Equal(TwelveManagers.Length, sends.Count);
        Assert.Equal(TwelveManagers.Length, sends.Distinct().Count());
        Assert.Equal(TwelveManagers.Length, reports.Sum(r => r.Sent.Count));
        Assert.Equal(TwelveManagers.Length, reports.Sum(r => r.AlreadySent.Count));
        var sentKeys = DeliveryLedger.ForOutbox(outbox).Read().Where(r => r.Status == DeliveryStatus.Sent).Select(r => r.DeliveryKey).ToList();
        Assert.Equal(TwelveManagers.Length, sentKeys.Count);
        Assert.Equal(TwelveManagers.Length, sentKeys.Distinct().Count());
        Assert.Equal(TwelveManagers.Length, Directory.GetFiles(Path.Combine(outbox, DeliveryFixtures.Week), "*.eml").Length);
        Assert.Contains(progress, line => line.StartsWith($"{DeliveryFixtures.Week}: waiting for another delivery to finish (delivery on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delivery_lock_is_per_folder_and_released_when_the_delivery_ends()
    {
        var outbox = _temp.Combine("outbox");
        var ledger = DeliveryLedger.ForOutbox(outbox);

        await Delivery(outbox, new OutboxTransport(outbox), []).DeliverAsync(DeliveryFixtures.WeeklyEmails(), CancellationToken.None);

        using var again = Pipelines.Locking.ExclusiveFileLock.TryAcquire(Analytics.Reports.Delivery.Deliverer.LockPath(ledger, DeliveryFixtures.Week), "test", out _);
        Assert.NotNull(again);
        Assert.Equal(Path.Combine(outbox, ".locks", $"deliver-{DeliveryFixtures.Week}.lock"), again.Path);
    }

    private Deliverer Delivery(string outbox, IMailTransport transport, List<string> progress) =>
        new(transport, DeliveryLedger.ForOutbox(outbox), RetryPolicy.Default, new SynchronousProgress(progress), _clock);

    /// <summary>The outbox, 50 ms per email, counting every send and saying when the first began.</summary>
    private sealed class SlowOutbox(OutboxTransport inner, ConcurrentBag<string> sends, TaskCompletionSource firstSendStarted) : IMailTransport
    {
        public string Describe() => inner.Describe();

        public string? FileFor(OutgoingEmail email) => inner.FileFor(email);

        public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            sends.Add(email.DeliveryKey);
            firstSendStarted.TrySetResult();
            await Task.Delay(50, ct);
            await inner.SendAsync(email, ct);
        }
    }
}
