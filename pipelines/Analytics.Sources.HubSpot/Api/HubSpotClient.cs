using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Pipelines.Resilience;

namespace Analytics.Sources.HubSpot.Api;

/// <summary>
/// The HubSpot CRM client: lists objects with <c>after</c> paging, searches by <c>hs_lastmodifieddate</c> in windows that
/// stay under the search's 10,000-result cap, batch-reads property history, reads v4 associations with labels, pipelines,
/// owners and properties. Passing failures (429 of the ten-secondly limit, 477, 5xx, timeouts, connection errors) are
/// retried through <c>RetryPolicy.ToPipeline</c>, waiting as long as the rate-limit headers say, on the given clock;
/// searches are spaced by <see cref="HubSpotConnection.SearchInterval"/>. Messages never hold the token.
/// </summary>
public sealed partial class HubSpotClient : IDisposable
{
    private readonly HubSpotConnection _connection;
    private readonly TimeProvider _clock;
    private readonly IProgress<string>? _progress;
    private readonly Func<string, string?> _environment;
    private readonly HttpClient _http;
    private readonly Lock _searchGate = new();
    private long? _lastSearchAt;
    private string? _token;

    /// <summary>A client for <paramref name="connection"/>.</summary>
    /// <param name="connection">Where and how to connect.</param>
    /// <param name="clock">Whose timers do the waiting (retries, search spacing).</param>
    /// <param name="progress">Told of retries, in lines without secrets.</param>
    /// <param name="handler">The HTTP handler (null: a new <see cref="SocketsHttpHandler"/> with gzip).</param>
    /// <param name="environment">Reads environment variables (null: the process environment).</param>
    public HubSpotClient(HubSpotConnection connection, TimeProvider clock, IProgress<string>? progress = null, HttpMessageHandler? handler = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        _connection = connection;
        _clock = clock;
        _progress = progress;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Requests sent so far (retries included): for the check's and the benchmark's call counts.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    private long _requests;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private string Token()
    {
        if (_token is not null)
        {
            return _token;
        }

        var token = _environment(_connection.TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new HubSpotException(HubSpotErrorKind.Authentication, $"the environment variable {_connection.TokenVariable} (source.hubspot.token_variable) holds no HubSpot token; set it to the private app's or static app's access token.");
        }

        return _token = token.Trim();
    }

    /// <summary>GET <paramref name="path"/> (relative to the base URL) and parse the JSON answer.</summary>
    private Task<JsonDocument> GetJsonAsync(string path, string what, string? objectType, CancellationToken ct) =>
        SendJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(_connection.BaseUrl, path)), what, objectType, ct);

    /// <summary>POST <paramref name="body"/> as JSON to <paramref name="path"/> and parse the JSON answer.</summary>
    private Task<JsonDocument> PostJsonAsync(string path, object body, string what, string? objectType, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(body);
        return SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_connection.BaseUrl, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            what,
            objectType,
            ct);
    }

    private async Task<JsonDocument> SendJsonAsync(Func<HttpRequestMessage> build, string what, string? objectType, CancellationToken ct)
    {
        var token = Token();
        using var response = await SendWithRetryAsync(
            () =>
            {
                var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            },
            what,
            ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.MultiStatus)
        {
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new HubSpotException(HubSpotErrorKind.BadResponse, $"{objectType ?? "HubSpot"}: the answer to {what} is not JSON.", objectType);
            }
        }

        throw Failure(response, body, what, objectType);
    }

    /// <summary>
    /// One request through the retry pipeline: 429 (unless the daily limit is spent), 477, 5xx, timeouts and connection
    /// failures are retried, waiting Retry-After, else the rate-limit window the headers give, else the policy's backoff.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> build, string what, CancellationToken ct)
    {
        var pipeline = _connection.Retry.ToPipeline<HttpAttempt>(
            _clock,
            attempt => attempt.IsPassingFailure,
            notice =>
            {
                _progress?.Report(string.Create(CultureInfo.InvariantCulture,
                    $"HubSpot: {what} failed ({notice.Result.Describe()}); attempt {notice.FailedAttempt + 1} of {notice.MaxAttempts} in {notice.Delay.TotalSeconds:0.#} s"));
                notice.Result.Response?.Dispose();
            },
            attempt => attempt.DelayHint());
        var result = await pipeline.ExecuteAsync(
            async token =>
            {
                Interlocked.Increment(ref _requests);
                var (response, failure) = await HttpSend.OnceAsync(_http, build, _connection.RequestTimeout, Redact, token).ConfigureAwait(false);
                return new HttpAttempt(response, failure);
            },
            ct).ConfigureAwait(false);
        if (!result.IsPassingFailure)
        {
            return result.Response!;
        }

        result.Response?.Dispose();
        throw new HubSpotException(
            HubSpotErrorKind.Transient,
            $"HubSpot did not answer {what} after {_connection.Retry.MaxAttempts} attempts ({result.Describe()}); the previous snapshot is kept. Run again later.");
    }

    /// <summary>
    /// Waits until <see cref="HubSpotConnection.SearchInterval"/> has passed since the previous search (the search
    /// endpoint's own rate), measured on the clock's timestamps (monotonic, and what a test clock advances).
    /// </summary>
    private async Task PaceSearchAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_searchGate)
        {
            wait = _lastSearchAt is { } last ? _connection.SearchInterval - _clock.GetElapsedTime(last) : TimeSpan.Zero;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, ct).ConfigureAwait(false);
        }

        lock (_searchGate)
        {
            _lastSearchAt = _clock.GetTimestamp();
        }
    }

    private string Redact(string text) => _token is { Length: >= 8 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;

    /// <summary>An attempt's outcome: a response (any status) or why there was none.</summary>
    private readonly record struct HttpAttempt(HttpResponseMessage? Response, string? Failure)
    {
        /// <summary>A daily limit does not pass within a retry: only the ten-secondly (and secondly) limits are waited out.</summary>
        public bool IsPassingFailure => Response is null
            || ((int)Response.StatusCode is 429 && Header("X-HubSpot-RateLimit-Daily-Remaining") != "0")
            || (int)Response.StatusCode is 408 or 477 or >= 500;

        public TimeSpan? DelayHint()
        {
            if (Response is null)
            {
                return null;
            }

            if (Response.Headers.RetryAfter?.Delta is { } delta)
            {
                return delta;
            }

            return (int)Response.StatusCode == 429
                && Header("X-HubSpot-RateLimit-Remaining") == "0"
                && long.TryParse(Header("X-HubSpot-RateLimit-Interval-Milliseconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? TimeSpan.FromMilliseconds(ms)
                : null;
        }

        public string Describe() => Response is null
            ? Failure ?? "no answer"
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)Response.StatusCode}{(DelayHint() is { } d ? $", wait {d.TotalSeconds:0.#} s" : string.Empty)}");

        private string? Header(string name) => Response!.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
