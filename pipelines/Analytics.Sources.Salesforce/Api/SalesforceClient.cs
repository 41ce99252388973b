namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// The Salesforce REST and Bulk 2.0 client: authenticates (JWT bearer or client credentials), reads with REST
/// query/queryAll and Bulk 2.0 query jobs, streaming rows as canonical texts, describes objects, lists deletes, and keeps
/// to the run's share of the daily API allowance. Passing failures (429, 5xx, timeouts, connection errors) are retried
/// through <c>RetryPolicy.ToPipeline</c>, waiting on the given clock; request timeouts run on real time. Messages,
/// progress lines and exceptions never hold the private key, the client secret, the JWT or an access token.
/// </summary>
public sealed partial class SalesforceClient : IDisposable
{
    private readonly SalesforceConnection _connection;
    private readonly TimeProvider _clock;
    private readonly IProgress<string>? _progress;
    private readonly Func<string, string?> _environment;
    private readonly HttpClient _http;

    /// <summary>A client for <paramref name="connection"/>.</summary>
    /// <param name="connection">Where and how to connect.</param>
    /// <param name="clock">Whose timers do the waiting (retries, Bulk polls).</param>
    /// <param name="progress">Told of retries and Bulk job states, in lines without secrets.</param>
    /// <param name="handler">The HTTP handler (null: a new <see cref="SocketsHttpHandler"/> with gzip).</param>
    /// <param name="environment">Reads environment variables (null: <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public SalesforceClient(
        SalesforceConnection connection,
        TimeProvider clock,
        IProgress<string>? progress = null,
        HttpMessageHandler? handler = null,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        if (!System.Text.RegularExpressions.Regex.IsMatch(connection.ApiVersion, @"^\d{2,3}\.\d$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new ArgumentException($"The API version must look like 66.0, not '{connection.ApiVersion}'.", nameof(connection));
        }

        if (connection.MaxApiShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(connection), connection.MaxApiShare, "MaxApiShare must be above 0 and at most 1.");
        }

        _connection = connection;
        _clock = clock;
        _progress = progress;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// The org's API usage from the latest <c>Sforce-Limit-Info</c> header; null before the first data response. Its
    /// <see cref="ApiUsage.UsedAtStart"/> is the first header's count less one (that header already counts the call that
    /// carried it), so <see cref="ApiUsage.UsedByThisRun"/> counts every data call this client made (token requests are not counted by Salesforce).
    /// </summary>
    public ApiUsage? Usage { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _authGate.Dispose();
    }
}
