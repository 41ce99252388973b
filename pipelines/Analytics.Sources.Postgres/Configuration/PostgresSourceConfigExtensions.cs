using Analytics.Pipelines.Configuration;

namespace Analytics.Sources.Postgres.Configuration;

/// <summary>The PostgreSQL source's section, read as a property of the loaded <c>source:</c> settings.</summary>
public static class PostgresSourceConfigExtensions
{
    /// <summary>The sections to register with <see cref="PipelineConfigLoader"/>.</summary>
    public static IReadOnlyList<IConfigSection> Sections { get; } = [PostgresSourceConfigSection.Instance];

    extension(SourceConfig source)
    {
        /// <summary><c>source.postgres:</c>, settings of the PostgreSQL source.</summary>
        public PostgresSourceConfig Postgres => source.Section(PostgresSourceConfigSection.Instance);
    }
}
