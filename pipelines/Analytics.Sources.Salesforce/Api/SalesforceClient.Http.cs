using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Resilience;

namespace Analytics.Sources.Salesforce.Api;

public sealed partial class SalesforceClient
{
    private static readonly Regex LimitInfo = new(@"api-usage=(\d+)/(\d+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Sends an authenticated request to the instance, retrying passing failures; a 401 leads to one fresh sign-in and
    /// one repeat, then fails. A failure status becomes a <see cref="SalesforceException"/> about <paramref name="sObject"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<Uri, HttpRequestMessage> build, string what, string? sObject, CancellationToken ct, bool notFoundIsNull = false)
    {
        for (var signIns = 0; ; signIns++)
        {
            var (token, instance) = await SessionAsync(ct).ConfigureAwait(false);
            var response = await SendWithRetryAsync(
                () =>
                {
                    var request = build(instance);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return request;
                },
                what,
                checkQuota: true,
                ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && signIns == 0)
                {
                    _progress?.Report("Salesforce: the session expired (401); signing in again and repeating the request");
                    await ForgetTokenAsync(token).ConfigureAwait(false);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw new SalesforceException(
                        SalesforceErrorKind.Authentication,
                        $"Salesforce refused the session for {what} again right after a fresh sign-in (401 {ErrorCode(body) ?? "INVALID_SESSION_ID"}); check that the integration user may use the API (API Enabled permission) and that the session is not restricted by IP.",
                        sObject);
                }

                throw Failure(response.StatusCode, body, what, sObject);
            }
        }
    }

    /// <summary>
    /// One request through the retry pipeline: 408, 406, 420, 429 and 5xx answers, timeouts and connection failures are
    /// retried (a Retry-After is honoured); before every attempt the run's API share is checked.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> build, string what, bool checkQuota, CancellationToken ct)
    {
        var pipeline = _connection.Retry.ToPipeline<HttpAttempt>(
            _clock,
            attempt => attempt.IsPassingFailure,
            notice =>
            {
                _progress?.Report(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Salesforce: {what} failed ({notice.Result.Describe()}); attempt {notice.FailedAttempt + 1} of {notice.MaxAttempts} in {notice.Delay.TotalSeconds:0.#} s"));
                notice.Result.Response?.Dispose();
            },
            attempt => attempt.Response?.Headers.RetryAfter?.Delta);
        var result = await pipeline.ExecuteAsync(
            async token =>
            {
                if (checkQuota)
                {
                    CheckQuota();
                }

                var (response, failure) = await HttpSend.OnceAsync(_http, build, _connection.RequestTimeout, Redact, token).ConfigureAwait(false);
                if (response is not null)
                {
                    ReadLimitInfo(response);
                }

                return new HttpAttempt(response, failure);
            },
            ct).ConfigureAwait(false);
        if (!result.IsPassingFailure)
        {
            return result.Response!;
        }

        result.Response?.Dispose();
        throw new SalesforceException(
            SalesforceErrorKind.Transient,
            $"Salesforce did not answer {what} after {_connection.Retry.MaxAttempts} attempts ({result.Describe()}); the previous snapshot is kept. Run again later.");
    }

    private void ReadLimitInfo(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Sforce-Limit-Info", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var match = LimitInfo.Match(value);
            if (!match.Success)
            {
                continue;
            }

            var used = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var allowed = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            lock (_usageGate)
            {
                // The first header already counts the call that carried it: that call is this run's.
                var start = Usage?.UsedAtStart ?? used - 1;
                Usage = new ApiUsage(start, Math.Max(used, Usage?.Used ?? 0), allowed);
            }
        }
    }

    private void CheckQuota()
    {
        ApiUsage? usage;
        lock (_usageGate)
        {
            usage = Usage;
        }

        if (usage is null || usage.Allowed <= 0)
        {
            return;
        }

        if (usage.UsedByThisRun + 1 > _connection.MaxApiShare * usage.Allowed)
        {
            throw new SalesforceException(
                SalesforceErrorKind.QuotaReached,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"stopped before this run used more than {_connection.MaxApiShare * 100:0.##} % of the daily API allowance (api-usage {usage.Used:N0}/{usage.Allowed:N0}); the previous snapshot is kept (source.salesforce.max_api_share sets the share; the allowance is a rolling 24 hours)"));
        }
    }

    /// <summary>An attempt's outcome: a response (any status) or why there was none.</summary>
    private readonly record struct HttpAttempt(HttpResponseMessage? Response, string? Failure)
    {
        public bool IsPassingFailure => Response is null || (int)Response.StatusCode is 406 or 408 or 420 or 429 or >= 500;

        public string Describe() => Response is null
            ? Failure ?? "no answer"
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)Response.StatusCode}{(Response.Headers.RetryAfter?.Delta is { } d ? $", Retry-After {d.TotalSeconds:0} s" : string.Empty)}");
    }
}
