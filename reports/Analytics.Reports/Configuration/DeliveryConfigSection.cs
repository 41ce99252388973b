using Analytics.Pipelines.Configuration;

namespace Analytics.Reports.Configuration;

/// <summary>Reads <c>delivery:</c>, how the weekly scorecard emails leave.</summary>
public sealed class DeliveryConfigSection : IConfigSection<DeliveryConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static DeliveryConfigSection Instance { get; } = new();

    private DeliveryConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "delivery";

    /// <inheritdoc />
    public DeliveryConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var from = section.String("from", "partner-analytics@example.com");
        if (!System.Net.Mail.MailAddress.TryCreate(from, out _))
        {
            throw section.Error("from", $"'{from}' is not an email address");
        }

        var smtpSection = section.Section("smtp");
        var smtp = new SmtpConfig(
            smtpSection.String("host", "localhost"),
            smtpSection.Int("port", 587, 1, 65535),
            smtpSection.Bool("starttls", true),
            smtpSection.EnvironmentVariableName("username_variable"),
            smtpSection.EnvironmentVariableName("password_variable"),
            smtpSection.Int("timeout_seconds", 30, 1, 600));
        if ((smtp.UsernameVariable is null) != (smtp.PasswordVariable is null))
        {
            throw smtpSection.Error("password_variable", "username_variable and password_variable go together: name both or neither");
        }

        smtpSection.RejectUnknownKeys();
        var retry = RetryConfig.Read(section.Section("retry"), new RetryConfig(4, 2, 60));
        var delivery = new DeliveryConfig(
            section.Enum("transport", DeliveryTransport.Outbox),
            from,
            section.Enum("weekly_day", DayOfWeek.Monday),
            smtp,
            retry,
            CrmLinksConfig.Read(section.Section("crm_links")));
        section.RejectUnknownKeys();
        return delivery;
    }
}
