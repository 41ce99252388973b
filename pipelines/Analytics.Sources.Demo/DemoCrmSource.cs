using System.Globalization;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;

namespace Analytics.Sources.Demo;

/// <summary>The built-in demo CRM as an extract source: any date's snapshot, straight from the deterministic generator.</summary>
public sealed class DemoCrmSource(DemoSourceConfig config) : ICrmSource
{
    private readonly DemoCrm _crm = new(new DemoCrmOptions { Seed = config.Seed, Scale = config.Scale, HistoryEnd = config.HistoryEnd });

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"demo (seed {config.Seed}, scale {config.Scale})");

    /// <inheritdoc />
    public void Extract(DateOnly asOf, SnapshotStaging staging, IProgress<string>? progress)
    {
        progress?.Report("generating the demo CRM");
        _crm.WriteSnapshot(asOf, staging);
    }
}
