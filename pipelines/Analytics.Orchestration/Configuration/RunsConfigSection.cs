using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>Reads <c>runs:</c>, what every run checks and whom it tells when it fails.</summary>
public sealed class RunsConfigSection : IConfigSection<RunsConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static RunsConfigSection Instance { get; } = new();

    private RunsConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "runs";

    /// <inheritdoc />
    public RunsConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var alertTo = section.Strings("alert_to");
        foreach (var address in alertTo)
        {
            if (!System.Net.Mail.MailAddress.TryCreate(address, out _))
            {
                throw section.Error("alert_to", $"'{address}' is not an email address");
            }
        }

        var runs = new RunsConfig(section.Double("freshness_max_age_hours", 36, 1, 24 * 366), alertTo, section.Int("kept", 500, 0, 1_000_000));
        section.RejectUnknownKeys();
        return runs;
    }
}
