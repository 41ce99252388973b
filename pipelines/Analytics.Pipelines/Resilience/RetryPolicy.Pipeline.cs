using Polly;
using Polly.Retry;

namespace Analytics.Pipelines.Resilience;

public sealed partial record RetryPolicy
{
    /// <summary>
    /// The one place our retry settings become a Polly <see cref="ResiliencePipeline{T}"/>: an operation returning a
    /// <typeparamref name="T"/> is run again, after the policy's wait on <paramref name="clock"/>, while
    /// <paramref name="retryWhen"/> says its result is worth another attempt and attempts remain. An exception is never
    /// retried: it ends the execution (cancelling the token during a wait ends it with an
    /// <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <typeparam name="T">What one attempt returns, e.g. the emails still to send or a step's outcome.</typeparam>
    /// <param name="clock">Whose timers do the waiting (the system clock in production; a test clock makes waits instant).</param>
    /// <param name="retryWhen">True when an attempt's result calls for another attempt.</param>
    /// <param name="onRetry">Told of each retry before its wait: for progress lines.</param>
    /// <param name="delayHint">
    /// The wait a failed result itself asks for (e.g. an HTTP 429's <c>Retry-After</c>), used instead of the backoff and
    /// not capped by <see cref="MaxDelay"/> (the server said how long), at most a day; null: the policy's backoff.
    /// </param>
    public ResiliencePipeline<T> ToPipeline<T>(TimeProvider clock, Func<T, bool> retryWhen, Action<RetryNotice<T>>? onRetry = null, Func<T, TimeSpan?>? delayHint = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(retryWhen);
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = clock };
        if (MaxAttempts > 1)
        {
            var maxAttempts = MaxAttempts;
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = InitialDelay,
                MaxDelay = MaxDelay,
                DelayGenerator = delayHint is null
                    ? null
                    : args => ValueTask.FromResult(args.Outcome.Exception is null && delayHint(args.Outcome.Result!) is { } hint
                        ? (TimeSpan?)(hint < TimeSpan.Zero ? TimeSpan.Zero : hint > LongestWait ? LongestWait : hint)
                        : null),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is null && retryWhen(args.Outcome.Result!)),
                OnRetry = args =>
                {
                    // Polly numbers attempts from 0: AttemptNumber 0 is the first retry, after attempt 1 failed.
                    onRetry?.Invoke(new RetryNotice<T>(args.Outcome.Result!, args.AttemptNumber + 1, maxAttempts, args.RetryDelay));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
