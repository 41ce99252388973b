using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.TestSupport.Http;

/// <summary>Hosts a contract server's one request handler on 127.0.0.1 (ASP.NET Core minimal API, no logging).</summary>
public static class LoopbackApp
{
    /// <summary>Starts <paramref name="handler"/> on <paramref name="port"/> (0: a free one); returns the app and its base URL.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(int port, RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops and disposes <paramref name="app"/> when there is one.</summary>
    public static async ValueTask StopAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
