using System.Net;
using System.Security.Cryptography;
using System.Text;
using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;

namespace Analytics.Cli.WebConsole;

/// <summary>
/// Who may use the web console: on a loopback address anyone on the machine may read it (the dashboard's job actions
/// stay off unless a token is set); any other address requires basic auth with the token from the environment variable
/// console.token_variable names, and is refused at start-up without one. The token is never rendered or logged.
/// </summary>
internal sealed class ConsoleAccess
{
    private readonly byte[]? _expected;

    private ConsoleAccess(string host, int port, string user, string? token)
    {
        Host = host;
        Port = port;
        User = user;
        Token = token;
        _expected = token is null ? null : Encoding.UTF8.GetBytes($"{user}:{token}");
    }

    /// <summary>The address to bind.</summary>
    public string Host { get; }

    /// <summary>The port (0: any free one).</summary>
    public int Port { get; }

    /// <summary>The basic-auth user name.</summary>
    public string User { get; }

    /// <summary>The token, or null when none is required.</summary>
    public string? Token { get; }

    /// <summary>Checks <paramref name="config"/>: a non-loopback address needs a set token.</summary>
    /// <exception cref="ConfigurationException">The address is not loopback and no token is configured or set.</exception>
    public static ConsoleAccess Resolve(ConsoleConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string? token = null;
        if (config.TokenVariable is { } variable)
        {
            token = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
                ? value
                : throw new ConfigurationException($"console.token_variable names {variable}, which is not set: set it to a long random token "
                    + $"(the basic-auth password of user '{config.User}'), or remove console.token_variable to serve loopback only.");
        }

        if (!IsLoopback(config.Host) && token is null)
        {
            throw new ConfigurationException($"{config.Where} is {config.Host}:{config.Port}, which is not a loopback address: the console refuses to serve it "
                + "without a credential. Set console.token_variable to an environment variable holding a token (basic auth), or bind 127.0.0.1 "
                + "behind a reverse proxy that authenticates (docs/orchestration.md).");
        }

        return new ConsoleAccess(config.Host, config.Port, config.User, token);
    }

    /// <summary>Whether <paramref name="host"/> is a loopback address (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Whether the request's Authorization header carries the user and token (compared in constant time); false when no token is set.</summary>
    public bool IsAuthenticated(string? authorization)
    {
        if (_expected is null || authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorization["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, _expected);
    }
}
