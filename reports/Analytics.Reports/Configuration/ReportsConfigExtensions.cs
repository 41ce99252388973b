using Analytics.Pipelines.Configuration;

namespace Analytics.Reports.Configuration;

/// <summary>The sections this project owns, read as properties of the loaded configuration.</summary>
public static class ReportsConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>, in file order.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [ReportsConfigSection.Instance, DeliveryConfigSection.Instance];

    extension(PipelineConfig config)
    {
        /// <summary><c>reports:</c>, the QBR packs.</summary>
        public ReportsConfig Reports => config.Section(ReportsConfigSection.Instance);

        /// <summary><c>delivery:</c>, how the weekly emails are delivered.</summary>
        public DeliveryConfig Delivery => config.Section(DeliveryConfigSection.Instance);
    }
}
