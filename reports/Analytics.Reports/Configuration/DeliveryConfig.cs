using Analytics.Pipelines.Configuration;

namespace Analytics.Reports.Configuration;

/// <summary><c>delivery:</c>, how the weekly scorecard emails leave.</summary>
/// <param name="Transport">outbox (default: .eml files under paths.outbox) or smtp.</param>
/// <param name="From">The sender address.</param>
/// <param name="WeeklyDay">`analytics run` produces the weekly emails on this weekday.</param>
/// <param name="Smtp">The SMTP server, used when <paramref name="Transport"/> is smtp.</param>
/// <param name="Retry">Retries of a send that failed for a passing reason.</param>
/// <param name="CrmLinks">How the weekly email links deals and partners to the CRM.</param>
public sealed record DeliveryConfig(DeliveryTransport Transport, string From, DayOfWeek WeeklyDay, SmtpConfig Smtp, RetryConfig Retry, CrmLinksConfig CrmLinks);

/// <summary>Where emails go.</summary>
public enum DeliveryTransport
{
    /// <summary>.eml files in paths.outbox/&lt;week&gt;/.</summary>
    Outbox,

    /// <summary>An SMTP server.</summary>
    Smtp,
}

/// <summary><c>delivery.smtp:</c>. Credentials are never in the file: only the names of the variables holding them.</summary>
/// <param name="Host">Server host name.</param>
/// <param name="Port">Server port (587 for submission with STARTTLS).</param>
/// <param name="StartTls">Upgrade the connection with STARTTLS before authenticating.</param>
/// <param name="UsernameVariable">Environment variable holding the user name (null: no authentication).</param>
/// <param name="PasswordVariable">Environment variable holding the password.</param>
/// <param name="TimeoutSeconds">Per-message timeout.</param>
public sealed record SmtpConfig(string Host, int Port, bool StartTls, string? UsernameVariable, string? PasswordVariable, int TimeoutSeconds);
