using System.Globalization;
using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>Reads <c>console:</c>: <c>address</c> (host:port), <c>user</c> and <c>token_variable</c>.</summary>
public sealed class ConsoleConfigSection : IConfigSection<ConsoleConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static ConsoleConfigSection Instance { get; } = new();

    private ConsoleConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "console";

    /// <inheritdoc />
    public ConsoleConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var fallback = ConsoleConfig.Default;
        var address = section.String("address", $"{fallback.Host}:{fallback.Port}");
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw section.Error("address", $"'{address}' is not host:port (e.g. 127.0.0.1:5080, or 0.0.0.0:5080 with console.token_variable set)");
        }

        var config = new ConsoleConfig(address[..colon].Trim('[', ']'), port, section.String("user", fallback.User),
            section.EnvironmentVariableName("token_variable"), section.Where("address"));
        section.RejectUnknownKeys();
        return config;
    }
}
