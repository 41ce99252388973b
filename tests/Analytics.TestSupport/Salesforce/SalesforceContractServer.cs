using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Analytics.TestSupport.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.Salesforce;

/// <summary>
/// A Salesforce contract server on a loopback port (ASP.NET Core minimal API) over a <see cref="SalesforceOrg"/>: OAuth
/// token endpoint (JWT bearer verified with the public key, client credentials), REST query/queryAll with pages,
/// describe, deleted, limits, Bulk 2.0 query jobs with CSV result pages, <c>Sforce-Limit-Info</c> on every response,
/// scripted <see cref="Faults"/> and a request log. <see cref="BaseUrl"/> is both the login and the instance URL.
/// </summary>
public sealed partial class SalesforceContractServer : IAsyncDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentQueue<LoggedRequest> _log = new();
    private WebApplication? _app;
    private long _apiUsed;

    private SalesforceContractServer(SalesforceOrg org, ContractServerOptions options)
    {
        Org = org;
        Options = options;
        _apiUsed = options.ApiUsedAtStart;
        BaseUrl = new Uri("http://127.0.0.1/");
        PrivateKeyPemPath = Path.Combine(Path.GetTempPath(), $"sf-contract-{Guid.NewGuid():N}.pem");
        File.WriteAllText(PrivateKeyPemPath, _key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Starts a server over <paramref name="org"/> on 127.0.0.1 (port 0 unless <see cref="ContractServerOptions.Port"/> says).</summary>
    public static async Task<SalesforceContractServer> StartAsync(SalesforceOrg org, ContractServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(org);
        var server = new SalesforceContractServer(org, options ?? new ContractServerOptions());
        (server._app, server.BaseUrl) = await LoopbackApp.StartAsync(server.Options.Port, server.HandleAsync);
        return server;
    }

    public SalesforceOrg Org { get; }

    public ContractServerOptions Options { get; }

    /// <summary>The login and instance URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>A PEM file with the RSA private key the JWT must be signed with (deleted on dispose).</summary>
    public string PrivateKeyPemPath { get; }

    public string ConsumerKey => Options.ConsumerKey;

    public string Username => Options.Username;

    public string ClientId => Options.ClientId;

    public string ClientSecret => Options.ClientSecret;

    public ContractServerFaults Faults { get; } = new();

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => [.. _log];

    /// <summary>API calls used in the org's rolling day (the U of api-usage=U/M); tests may set it.</summary>
    public long ApiUsed
    {
        get => Interlocked.Read(ref _apiUsed);
        set => Interlocked.Exchange(ref _apiUsed, value);
    }

    /// <summary>The access tokens issued so far (tests check that none leaks into messages).</summary>
    public IReadOnlyCollection<string> IssuedTokens => [.. _tokens.Keys];

    public async ValueTask DisposeAsync()
    {
        await LoopbackApp.StopAsync(_app);
        _key.Dispose();
        File.Delete(PrivateKeyPemPath);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            var isData = request.Path.StartsWithSegments("/services/data", StringComparison.OrdinalIgnoreCase);
            if (isData)
            {
                var used = Interlocked.Increment(ref _apiUsed);
                context.Response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={used}/{Options.ApiAllowance}");
            }

            if (Faults.Take(request.Path.Value ?? string.Empty) is { } fault)
            {
                await WriteFaultAsync(context, fault);
                return;
            }

            if (request.Path.Equals("/services/oauth2/token", StringComparison.OrdinalIgnoreCase))
            {
                await TokenAsync(context);
                return;
            }

            if (!isData)
            {
                await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
                return;
            }

            if (!IsAuthorised(request))
            {
                await WriteErrorAsync(context, 401, "INVALID_SESSION_ID", "Session expired or invalid");
                return;
            }

            await DataAsync(context);
        }
        finally
        {
            _log.Enqueue(new LoggedRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, context.Response.StatusCode));
        }
    }

    private static async Task WriteFaultAsync(HttpContext context, ContractFault fault)
    {
        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Body is not null)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(fault.Body);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        WriteFaultAsync(context, ContractFault.Error(status, errorCode, message));

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        return context.Response.WriteAsync(json);
    }

    private async Task DataAsync(HttpContext context)
    {
        // /services/data/vXX.X/<rest>
        var segments = (context.Request.Path.Value ?? string.Empty).Trim('/').Split('/');
        if (segments.Length < 4 || !segments[2].StartsWith('v'))
        {
            await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        var version = segments[2][1..];
        var rest = segments[3..];
        var method = context.Request.Method;
        switch (rest)
        {
            case ["query" or "queryAll"] when method == "GET":
                await QueryAsync(context, version, includeDeleted: rest[0] == "queryAll");
                return;
            case ["query" or "queryAll", var locator] when method == "GET":
                await QueryMoreAsync(context, version, locator);
                return;
            case ["sobjects", var type, "describe"] when method == "GET":
                await DescribeAsync(context, type);
                return;
            case ["sobjects", var type, "deleted", ..] when method == "GET":
                await DeletedAsync(context, type);
                return;
            case ["limits"] when method == "GET":
                await LimitsAsync(context);
                return;
            case ["jobs", "query"] when method == "POST":
                await CreateJobAsync(context, version);
                return;
            case ["jobs", "query", var id]:
                await JobAsync(context, id);
                return;
            case ["jobs", "query", var id, "results"] when method == "GET":
                await JobResultsAsync(context, id);
                return;
            default:
                await WriteErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
                return;
        }
    }
}
