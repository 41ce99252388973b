namespace Analytics.Orchestration.Configuration;

/// <summary><c>console:</c>, the read-only web console <c>analytics serve</c> opens.</summary>
/// <param name="Host">The address it binds (default 127.0.0.1, loopback only).</param>
/// <param name="Port">Its port (default 5080; 0 picks a free one).</param>
/// <param name="User">The basic-auth user name when a token is required.</param>
/// <param name="TokenVariable">The environment variable holding the basic-auth token (the password); required for a non-loopback address.</param>
/// <param name="Where">Where <c>console.address</c> is written, for errors found when serve starts.</param>
public sealed record ConsoleConfig(string Host, int Port, string User, string? TokenVariable, string Where)
{
    /// <summary>The default: 127.0.0.1:5080, no token.</summary>
    public static ConsoleConfig Default { get; } = new("127.0.0.1", 5080, "operator", null, "console.address");
}
