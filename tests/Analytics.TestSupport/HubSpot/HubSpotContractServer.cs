using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Analytics.TestSupport.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.HubSpot;

/// <summary>
/// A HubSpot contract server on a loopback port (ASP.NET Core minimal API) over a <see cref="HubSpotPortal"/>, serving
/// the documented shapes (research/crm_connectors.md §2): object lists with <c>after</c> paging and
/// <c>propertiesWithHistory</c>, <c>archived=true</c>, search with its 10,000-result cap, batch reads, v4 associations
/// with labels (207 for inputs without any), deal pipelines, owners, properties; bearer-token auth (401
/// INVALID_AUTHENTICATION), scopes (403 MISSING_SCOPES), rate-limit headers on every answer, scripted
/// <see cref="Faults"/> and a request log. Object paths take the v3 prefix and the dated one (<c>crm/objects/2026-03</c>).
/// </summary>
public sealed partial class HubSpotContractServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<HubSpotRequest> _log = new();
    private WebApplication? _app;
    private long _dailyUsed;

    private HubSpotContractServer(HubSpotPortal portal, HubSpotContractServerOptions options)
    {
        Portal = portal;
        Options = options;
        BaseUrl = new Uri("http://127.0.0.1/");
    }

    /// <summary>Starts a server over <paramref name="portal"/> on 127.0.0.1.</summary>
    public static async Task<HubSpotContractServer> StartAsync(HubSpotPortal portal, HubSpotContractServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var server = new HubSpotContractServer(portal, options ?? new HubSpotContractServerOptions());
        (server._app, server.BaseUrl) = await LoopbackApp.StartAsync(server.Options.Port, server.HandleAsync);
        return server;
    }

    public HubSpotPortal Portal { get; }

    public HubSpotContractServerOptions Options { get; }

    /// <summary>The base URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>The bearer token the server accepts.</summary>
    public string Token => Options.Token;

    public HubSpotFaults Faults { get; } = new();

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyList<HubSpotRequest> Requests => [.. _log];

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? string.Empty).Trim('/');
        try
        {
            var used = Interlocked.Increment(ref _dailyUsed);
            var headers = context.Response.Headers;
            headers["X-HubSpot-RateLimit-Max"] = "190";
            headers["X-HubSpot-RateLimit-Remaining"] = "189";
            headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            headers["X-HubSpot-RateLimit-Daily"] = "1000000";
            headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, 1_000_000 - used).ToString(CultureInfo.InvariantCulture);
            if (Faults.Take("/" + path) is { } fault)
            {
                await WriteFaultAsync(context, fault);
                return;
            }

            if (request.Headers.Authorization.ToString() != "Bearer " + Options.Token)
            {
                await WriteFaultAsync(context, HubSpotFault.Unauthorized());
                return;
            }

            await RouteAsync(context, path.Split('/'));
        }
        finally
        {
            _log.Enqueue(new HubSpotRequest(request.Method, "/" + path, request.QueryString.Value ?? string.Empty, context.Response.StatusCode));
        }
    }

    private Task RouteAsync(HttpContext context, string[] segments)
    {
        var method = context.Request.Method;
        if (segments is ["crm", "objects", _, ..])
        {
            // The dated prefix (crm/objects/2026-03) serves the same shapes as v3.
            segments = ["crm", "v3", "objects", .. segments[3..]];
        }

        return segments switch
        {
            ["crm", "v3", "objects", var type] when method == "GET" => ListAsync(context, type),
            ["crm", "v3", "objects", var type, "search"] when method == "POST" => SearchAsync(context, type),
            ["crm", "v3", "objects", var type, "batch", "read"] when method == "POST" => BatchReadAsync(context, type),
            ["crm", "v4", "associations", var from, var to, "batch", "read"] when method == "POST" => AssociationsAsync(context, from, to),
            ["crm", "v3", "pipelines", "deals"] when method == "GET" => PipelinesAsync(context),
            ["crm", "v3", "owners"] when method == "GET" => OwnersAsync(context),
            ["crm", "v3", "properties", var type] when method == "GET" => PropertiesAsync(context, type),
            _ => WriteErrorAsync(context, 404, "OBJECT_NOT_FOUND", $"Unable to route {method} /{string.Join('/', segments)}"),
        };
    }

    /// <summary>Whether the token carries <paramref name="scope"/>; otherwise answers 403 MISSING_SCOPES.</summary>
    private async Task<bool> HasScopeAsync(HttpContext context, string scope)
    {
        bool granted;
        lock (Portal.Gate)
        {
            granted = Portal.Scopes.Contains(scope);
        }

        if (!granted)
        {
            await WriteFaultAsync(context, HubSpotFault.MissingScopes(scope));
        }

        return granted;
    }

    private static async Task WriteFaultAsync(HttpContext context, HubSpotFault fault)
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
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (fault.Body is not null)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync(fault.Body);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string category, string message) =>
        WriteFaultAsync(context, new HubSpotFault(status, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["status"] = "error",
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString("D"),
            ["category"] = category,
        }), new Dictionary<string, string>()));

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        write(writer);
        await writer.FlushAsync();
    }
}

/// <summary>One request the contract server answered.</summary>
public sealed record HubSpotRequest(string Method, string Path, string Query, int Status);
