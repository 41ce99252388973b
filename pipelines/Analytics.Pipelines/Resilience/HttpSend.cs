using System.Globalization;

namespace Analytics.Pipelines.Resilience;

/// <summary>One attempt of an HTTP request for a CRM client's retry pipeline (<see cref="RetryPolicy.ToPipeline{T}"/>).</summary>
public static class HttpSend
{
    /// <summary>
    /// Sends the request <paramref name="build"/> makes, waiting at most <paramref name="timeout"/> for its headers:
    /// the response (any status), or, when there is none, why (a timeout, or the connection failure with
    /// <paramref name="redact"/> applied, so no secret reaches a message). Cancelling <paramref name="ct"/> still throws.
    /// </summary>
    public static async Task<(HttpResponseMessage? Response, string? Failure)> OnceAsync(
        HttpClient http, Func<HttpRequestMessage> build, TimeSpan timeout, Func<string, string> redact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(redact);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = build();
            return (await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException e)
        {
            return (null, redact(e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString()));
        }
    }
}
