namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// The Salesforce REST and Bulk 2.0 client: authenticates (JWT bearer or client credentials), reads with REST
/// query/queryAll and Bulk 2.0 query jobs, streaming rows as canonical texts, describes objects, lists deletes, and keeps
/// to the run's share of the daily API allowance. Passing failures are retried through <c>RetryPolicy.ToPipeline</c>.
/// </summary>
public sealed partial class SalesforceClient : IDisposable
{
    /// <summary>A client for <paramref name="connection"/>.</summary>
    /// <param name="connection">Where and how to connect.</param>
    /// <param name="clock">Whose timers do the waiting (retries, Bulk polls).</param>
    /// <param name="progress">Told of retries and Bulk job states, in lines without secrets.</param>
    /// <param name="handler">The HTTP handler (null: a new <see cref="SocketsHttpHandler"/>).</param>
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
        _connection = connection;
        _clock = clock;
        _progress = progress;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    private readonly SalesforceConnection _connection;
    private readonly TimeProvider _clock;
    private readonly IProgress<string>? _progress;
    private readonly Func<string, string?> _environment;
    private readonly HttpClient _http;

    /// <summary>The org's API usage from the latest <c>Sforce-Limit-Info</c> header; null before the first response.</summary>
    public ApiUsage? Usage { get; private set; }

    /// <summary>Obtains an access token (every call also does this lazily).</summary>
    public Task AuthenticateAsync(CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Describes <paramref name="sobject"/>; null when the org has no such object.</summary>
    public Task<SObjectDescription?> DescribeAsync(string sobject, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Counts the rows of <c>SELECT COUNT() FROM {from} WHERE {where}</c>, deleted rows too when <paramref name="includeDeleted"/>.</summary>
    public Task<long> CountAsync(string from, string? where, bool includeDeleted, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>
    /// Streams the rows of <paramref name="soql"/> through REST query (or queryAll when <paramref name="includeDeleted"/>),
    /// following <c>nextRecordsUrl</c>; each row holds the values of <paramref name="fields"/> in order as canonical texts.
    /// </summary>
    public IAsyncEnumerable<string?[]> QueryAsync(string soql, IReadOnlyList<SelectedField> fields, bool includeDeleted, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>
    /// Streams the rows of <paramref name="soql"/> through a Bulk 2.0 query (or queryAll) job, page by CSV page; the
    /// texts equal <see cref="QueryAsync"/>'s. Cancelling aborts the job.
    /// </summary>
    public IAsyncEnumerable<string?[]> BulkQueryAsync(string soql, IReadOnlyList<SelectedField> fields, bool includeDeleted, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>The records of <paramref name="sobject"/> deleted between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public Task<DeletedRecords> GetDeletedAsync(string sobject, DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
