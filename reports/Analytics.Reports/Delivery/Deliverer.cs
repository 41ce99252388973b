namespace Analytics.Reports.Delivery;

/// <summary>
/// Delivers a batch of emails through one transport, at most once per delivery key across runs: keys the ledger
/// records as sent are skipped; each outcome is appended to the ledger as it happens; a failure is recorded and the
/// batch carries on. Transient failures are retried in rounds: every email is tried once, then those that failed
/// transiently are tried again after the policy's delay, so one outage costs one wait, not one per email.
/// </summary>
public sealed class Deliverer
{
    private readonly IMailTransport _transport;
    private readonly DeliveryLedger _ledger;
    private readonly RetryPolicy _policy;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly IProgress<string>? _progress;
    private readonly TimeProvider _clock;

    /// <summary>Creates the deliverer.</summary>
    /// <param name="transport">Where emails go.</param>
    /// <param name="ledger">What was sent before; receives every outcome.</param>
    /// <param name="policy">Attempts and backoff for transient failures.</param>
    /// <param name="delay">Waits between rounds (<see cref="Task.Delay(TimeSpan, CancellationToken)"/> in production; tests record the waits instead).</param>
    /// <param name="progress">Receives one line per email and per retry round; never a secret.</param>
    /// <param name="clock">Stamps ledger records (the system clock when null).</param>
    public Deliverer(IMailTransport transport, DeliveryLedger ledger, RetryPolicy policy, Func<TimeSpan, CancellationToken, Task> delay,
        IProgress<string>? progress = null, TimeProvider? clock = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _delay = delay ?? throw new ArgumentNullException(nameof(delay));
        _progress = progress;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Delivers <paramref name="emails"/> (each key at most once) and reports what happened to each.</summary>
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
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > 1)
            {
                var wait = _policy.DelayAfter(attempt - 1);
                _progress?.Report($"retrying {pending.Count} email(s) in {wait.TotalSeconds:0.#} s (attempt {attempt} of {_policy.MaxAttempts})");
                await _delay(wait, ct).ConfigureAwait(false);
            }

            var retry = new List<OutgoingEmail>();
            foreach (var email in pending)
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

            pending = retry;
        }

        return new DeliveryReport(_transport.Describe(), sent, alreadySent, failed);
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
