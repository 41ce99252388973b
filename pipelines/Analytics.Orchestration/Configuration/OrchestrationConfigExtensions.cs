using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>The sections this project owns, read as properties of the loaded configuration.</summary>
public static class OrchestrationConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>, in file order.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } =
        [SchedulesConfigSection.Instance, SchedulerConfigSection.Instance, RunsConfigSection.Instance, ConsoleConfigSection.Instance];

    extension(PipelineConfig config)
    {
        /// <summary><c>schedules:</c>, when <c>analytics serve</c> runs each job.</summary>
        public SchedulesConfig Schedules => config.Section(SchedulesConfigSection.Instance);

        /// <summary><c>scheduler:</c>, the Hangfire storage and step retries.</summary>
        public SchedulerConfig Scheduler => config.Section(SchedulerConfigSection.Instance);

        /// <summary><c>runs:</c>, the freshness limit and alerts of every run.</summary>
        public RunsConfig Runs => config.Section(RunsConfigSection.Instance);

        /// <summary><c>console:</c>, the web console of <c>analytics serve</c>.</summary>
        public ConsoleConfig Console => config.Section(ConsoleConfigSection.Instance);
    }
}
