using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.Demo;

/// <summary>Reads <c>source.demo:</c>, the demo CRM's seed, scale and end of history.</summary>
public sealed class DemoSourceConfigSection : IConfigSection<DemoSourceConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static DemoSourceConfigSection Instance { get; } = new();

    private DemoSourceConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "source.demo";

    /// <inheritdoc />
    public DemoSourceConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var demo = new DemoSourceConfig(
            section.Int("seed", 42, int.MinValue, int.MaxValue),
            section.Double("scale", 1.0, 0.01, 100),
            section.Date("history_end", new DemoCrmOptions().HistoryEnd));
        section.RejectUnknownKeys();
        return demo;
    }
}
