namespace Analytics.Reports.Delivery;

/// <summary>
/// How to reach the SMTP server. Credentials are not here: only the NAMES of the environment variables that hold
/// them (from pipeline.yaml), read at send time, so a secret never sits in configuration, logs or the ledger.
/// </summary>
/// <param name="Host">The server's host name.</param>
/// <param name="Port">1-65535; 587 for submission with STARTTLS, 25 for relay.</param>
/// <param name="StartTls">Upgrade the connection with STARTTLS before authenticating (SmtpClient.EnableSsl).</param>
/// <param name="UsernameVariable">The environment variable holding the user name, or null to send without AUTH.</param>
/// <param name="PasswordVariable">The environment variable holding the password; required exactly when a user name variable is given.</param>
/// <param name="TimeoutSeconds">1-600: a send that takes longer is abandoned as a transient failure.</param>
public sealed record SmtpOptions(string Host, int Port, bool StartTls, string? UsernameVariable, string? PasswordVariable, int TimeoutSeconds)
{
    /// <summary>The server's host name.</summary>
    public string Host { get; init; } = string.IsNullOrWhiteSpace(Host)
        ? throw new ArgumentException("The SMTP host must not be empty.", nameof(Host))
        : Host;

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = Port is >= 1 and <= 65535
        ? Port
        : throw new ArgumentOutOfRangeException(nameof(Port), Port, "The SMTP port must be between 1 and 65535.");

    /// <summary>The variable holding the user name, or null.</summary>
    public string? UsernameVariable { get; init; } = (UsernameVariable is null) == (PasswordVariable is null)
        ? UsernameVariable
        : throw new ArgumentException("Give both the user name variable and the password variable, or neither.", nameof(UsernameVariable));

    /// <summary>Seconds a send may take.</summary>
    public int TimeoutSeconds { get; init; } = TimeoutSeconds is >= 1 and <= 600
        ? TimeoutSeconds
        : throw new ArgumentOutOfRangeException(nameof(TimeoutSeconds), TimeoutSeconds, "The SMTP timeout must be between 1 and 600 seconds.");
}
