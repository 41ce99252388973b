using System.Net;
using Analytics.Pipelines.Configuration;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.WebConsole;

/// <summary>
/// The web console of <c>analytics serve</c>: Kestrel on the configured address, the pages of <see cref="ConsoleSite"/>,
/// downloads of QBR packs and weekly emails, and the Hangfire dashboard under <c>/hangfire</c>. Only GET and HEAD
/// reach the pages; the dashboard's job actions (trigger, delete, requeue) need the console's credential, without it the
/// dashboard is read-only and its actions answer 401.
/// </summary>
internal sealed class ConsoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConsoleServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address it listens on, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Address { get; }

    /// <summary>Starts serving <paramref name="site"/> as <paramref name="access"/> allows.</summary>
    /// <exception cref="ConfigurationException">The host is not an IP address or localhost.</exception>
    public static async Task<ConsoleServer> StartAsync(ConsoleSite site, ConsoleAccess access, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(access);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (string.Equals(access.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.Listen(IPAddress.Loopback, access.Port);
            }
            else if (IPAddress.TryParse(access.Host, out var ip))
            {
                kestrel.Listen(ip, access.Port);
            }
            else
            {
                throw new ConfigurationException($"console.address: '{access.Host}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0) or localhost.");
            }
        });
        builder.Services.AddHangfire(_ => { });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (access.Token is not null && !access.IsAuthenticated(context.Request.Headers.Authorization))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"analytics console\", charset=\"UTF-8\"";
                await context.Response.WriteAsync("401: the console needs its credential (basic auth: the user and the token of console.token_variable).", ct);
                return;
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ConfigurationException)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync(Html.Escape(e.Message), ct); // the reason, never a stack trace
            }
        });
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "analytics schedules",
            DisplayStorageConnectionString = false,
            Authorization = [new ConsoleGate()], // who may read is decided above, for the whole console
            IsReadOnlyFunc = dashboard => !access.IsAuthenticated(dashboard.GetHttpContext().Request.Headers.Authorization),
        }, site.Storage);
        app.MapGet("/", () => Page(site.Runs()));
        app.MapGet("/runs/{id}", (string id) => site.Run(id) is { } page ? Page(page) : NotFound($"no run '{id}' in the history"));
        app.MapGet("/freshness", () => Page(site.Freshness()));
        app.MapGet("/packs", () => Page(site.Packs()));
        app.MapGet("/packs/{quarter}/{**file}", (string quarter, string file) =>
            !SafeFile.IsPlain(quarter) || !SafeFile.IsPlain(file) ? Refused($"{quarter}/{file}")
            : site.PackFile(quarter, file) is { } path ? Download(path, "application/pdf")
            : NotFound($"no pack '{file}' of {quarter}"));
        app.MapGet("/emails", () => Page(site.Emails()));
        app.MapGet("/emails/{week}/{file}", (string week, string file) =>
            !SafeFile.IsPlain(week) || !SafeFile.IsPlain(file) ? Refused($"{week}/{file}")
            : site.EmailFile(week, file) is { } path ? Download(path, "message/rfc822")
            : NotFound($"no email '{file}' of {week}"));
        app.MapGet("/catalog", () => Page(site.Catalog()));
        app.MapGet("/catalog/{name}", (string name) => site.CatalogTable(name) is { } page ? Page(page) : NotFound($"no table '{name}' in the catalog"));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleServer(app, address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Page(string html) => TypedResults.Content(html, "text/html; charset=utf-8");

    private static IResult Download(string path, string contentType) => TypedResults.PhysicalFile(path, contentType, Path.GetFileName(path));

    private static IResult NotFound(string what) => TypedResults.Text($"404: {what}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult Refused(string path) =>
        TypedResults.Text($"400: refused '{path}': a download names a file the console lists, by plain names only (no '..', no separators).", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private sealed class ConsoleGate : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
