using Analytics.Pipelines.Locking;
using Analytics.Pipelines.Resilience;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Delivers a batch of emails through one transport, at most once per delivery key across runs: keys the ledger
/// records as sent are skipped; each outcome is appended to the ledger as it happens; a failure is recorded and the
/// batch carries on. Transient failures are retried in rounds: every email is tried once, then those that failed
/// transiently are tried again after the policy's delay, so one outage costs one wait, not one per email. A round is
/// the operation the policy's Polly pipeline retries, waiting on the deliverer's clock.
/// Exactly once across processes: a delivery holds an exclusive lock per outbox folder of its batch
/// (<c>&lt;ledger folder&gt;/.locks/deliver-&lt;folder&gt;.lock</c>, e.g. one per week) from reading the ledger until its last
/// outcome is recorded, so a second delivery of the same week waits, then finds every key sent and sends nothing again.
/// </summary>
public sealed class Deliverer
{
    private readonly IMailTransport _transport;
    private readonly DeliveryLedger _ledger;
    private readonly RetryPolicy _policy;
    private readonly IProgress<string>? _progress;
    private readonly TimeProvider _clock;

    /// <summary>Creates the deliverer.</summary>
    /// <param name="transport">Where emails go.</param>
    /// <param name="ledger">What was sent before; receives every outcome.</param>
    /// <param name="policy">Attempts and backoff for transient failures.</param>
    /// <param name="progress">Receives one line per email and per retry round; never a secret.</param>
    /// <param name="clock">Waits between rounds and stamps ledger records (the system clock when null; tests pass one whose waits are instant).</param>
    public Deliverer(IMailTransport transport, DeliveryLedger ledger, RetryPolicy policy, IProgress<string>? progress = null, TimeProvider? clock = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _progress = progress;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How often a delivery waiting for another delivery of the same folder tries the lock again.</summary>
    public static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The lock file a delivery of <paramref name="folder"/> holds: <c>.locks/deliver-&lt;folder&gt;.lock</c> beside the ledger.</summary>
    public static string LockPath(DeliveryLedger ledger, string folder)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Path.Combine(Path.GetDirectoryName(ledger.Path)!, ".locks", $"deliver-{folder}.lock");
    }

    /// <summary>
    /// Delivers <paramref name="emails"/> (each key at most once) and reports what happened to each. Waits first while
    /// another delivery (this process or another) holds the lock of one of the batch's folders.
    /// </summary>
    /// <exception cref="ArgumentException">Two emails of the batch share a delivery key.</exception>
    /// <exception cref="DeliveryConfigurationException">The transport is misconfigured (raised by the first send; nothing is recorded for it).</exception>
    /// <exception cref="InvalidDataException">The ledger has a corrupt line.</exception>
    public async Task<DeliveryReport> DeliverAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var duplicate = emails.GroupBy(e => e.DeliveryKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two emails of the batch share the delivery key '{duplicate.Key}'.", nameof(emails));
        }

        var locks = await AcquireLocksAsync(emails, ct).ConfigureAwait(false);
        try
        {
            return await DeliverLockedAsync(emails, ct).ConfigureAwait(false);
        }
        finally
        {
            foreach (var held in locks)
            {
                held.Dispose();
            }
        }
    }

    /// <summary>Takes the lock of every folder of the batch, in a fixed order so two batches cannot deadlock.</summary>
    private async Task<List<ExclusiveFileLock>> AcquireLocksAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        var holder = $"delivery on {Environment.MachineName}, pid {Environment.ProcessId}, since {_clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC";
        var locks = new List<ExclusiveFileLock>();
        try
        {
            foreach (var folder in emails.Select(e => e.Folder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                locks.Add(await ExclusiveFileLock.AcquireAsync(LockPath(_ledger, folder), holder, LockPoll,
                    heldBy => _progress?.Report($"{folder}: waiting for another delivery to finish ({heldBy})"), ct).ConfigureAwait(false));
            }

            return locks;
        }
        catch
        {
            foreach (var held in locks)
            {
                held.Dispose();
            }

            throw;
        }
    }

    private async Task<DeliveryReport> DeliverLockedAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        // Read under the lock: a delivery that held it before us has recorded everything it sent.
        var sentBefore = _ledger.SentKeys();
        var alreadySent = new List<string>();
        var pending = new List<OutgoingEmail>();
        foreach (var email in emails)
        {
            if (sentBefore.Contains(email.DeliveryKey))
            {
                alreadySent.Add(email.DeliveryKey);
                _progress?.Report($"{email.DeliveryKey}: already sent, skipped");
            }
            else
            {
                pending.Add(email);
            }
        }

        var sent = new List<SentDelivery>();
        var failed = new List<FailedDelivery>();
        var attempt = 0;
        var rounds = _policy.ToPipeline<IReadOnlyList<OutgoingEmail>>(_clock, retryWhen: again => again.Count > 0,
            onRetry: retry => _progress?.Report(
                $"retrying {retry.Result.Count} email(s) in {retry.Delay.TotalSeconds:0.#} s (attempt {retry.FailedAttempt + 1} of {retry.MaxAttempts})"));
        await rounds.ExecuteAsync(
            async token =>
            {
                attempt++;
                var again = await SendRoundAsync(pending, attempt, sent, failed, token).ConfigureAwait(false);
                pending = again;
                return again;
            },
            ct).ConfigureAwait(false);

        return new DeliveryReport(_transport.Describe(), sent, alreadySent, failed);
    }

    /// <summary>Tries each of <paramref name="emails"/> once; returns those that failed transiently with attempts left.</summary>
    private async Task<List<OutgoingEmail>> SendRoundAsync(
        IReadOnlyList<OutgoingEmail> emails, int attempt, List<SentDelivery> sent, List<FailedDelivery> failed, CancellationToken ct)
    {
        var retry = new List<OutgoingEmail>();
        foreach (var email in emails)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = await TrySendAsync(email, ct).ConfigureAwait(false);
            if (outcome is null)
            {
                var file = _transport.FileFor(email);
                Record(email, DeliveryStatus.Sent, attempt, error: null, file);
                sent.Add(new SentDelivery(email.DeliveryKey, email.To, attempt, file));
                _progress?.Report($"{email.DeliveryKey}: sent" + (attempt > 1 ? $" (attempt {attempt})" : string.Empty));
            }
            else if (outcome.IsTransient && attempt < _policy.MaxAttempts)
            {
                retry.Add(email);
                _progress?.Report($"{email.DeliveryKey}: attempt {attempt} failed, will retry: {outcome.Message}");
            }
            else
            {
                Record(email, DeliveryStatus.Failed, attempt, outcome.Message, file: null);
                failed.Add(new FailedDelivery(email.DeliveryKey, string.Join(", ", email.To), attempt, outcome.Message, outcome.IsTransient));
                _progress?.Report($"{email.DeliveryKey}: FAILED after {attempt} attempt(s): {outcome.Message}");
            }
        }

        return retry;
    }

    private async Task<MailDeliveryException?> TrySendAsync(OutgoingEmail email, CancellationToken ct)
    {
        try
        {
            await _transport.SendAsync(email, ct).ConfigureAwait(false);
            return null;
        }
        catch (MailDeliveryException e)
        {
            return e;
        }
    }

    private void Record(OutgoingEmail email, DeliveryStatus status, int attempts, string? error, string? file) =>
        _ledger.Append(new DeliveryRecord(
            email.DeliveryKey, email.Kind, email.To, email.Subject, status, attempts, _transport.Describe(),
            _clock.GetUtcNow(), email.ContentSha256, error, file));
}
