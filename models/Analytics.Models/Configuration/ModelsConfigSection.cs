using Analytics.Pipelines.Configuration;

namespace Analytics.Models.Configuration;

/// <summary>Reads <c>models:</c>, the scoring stage's settings.</summary>
public sealed class ModelsConfigSection : IConfigSection<ModelsConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static ModelsConfigSection Instance { get; } = new();

    private ModelsConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "models";

    /// <inheritdoc />
    public ModelsConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var stalledSection = section.Section("stalled_deal");
        var maxOutcomes = stalledSection.OptionalString("max_training_outcomes") is null
            ? (int?)null
            : stalledSection.Int("max_training_outcomes", 0, 10, int.MaxValue);
        var stalled = new StalledDealModelConfig(
            stalledSection.Int("horizon_days", 30, 1, 365),
            stalledSection.Int("evaluation_weeks", 12, 1, 104),
            stalledSection.Double("l2", 1.0, 0, 1e6),
            stalledSection.Int("min_outcomes", 400, 1, int.MaxValue),
            maxOutcomes);
        stalledSection.RejectUnknownKeys();
        var readinessSection = section.Section("tier_readiness");
        var readiness = new TierReadinessModelConfig(readinessSection.Double("l2", 1.0, 0, 1e6));
        readinessSection.RejectUnknownKeys();
        var forecastSection = section.Section("forecast");
        var forecast = new ForecastModelConfig(forecastSection.Int("backtest_quarters", 4, 1, 20));
        forecastSection.RejectUnknownKeys();
        var models = new ModelsConfig(section.Int("retrain_after_days", 7, 0, 3650), stalled, readiness, forecast);
        section.RejectUnknownKeys();
        return models;
    }
}
