using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>Reads <c>scheduler:</c>, the Hangfire storage and the retry of failed steps.</summary>
public sealed class SchedulerConfigSection : IConfigSection<SchedulerConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static SchedulerConfigSection Instance { get; } = new();

    private SchedulerConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "scheduler";

    /// <inheritdoc />
    public SchedulerConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var store = section.Enum("store", SchedulerStoreKind.Memory);
        var postgres = section.Section("postgres");
        var variable = postgres.EnvironmentVariableName("connection_string_variable");
        postgres.RejectUnknownKeys();
        if (store == SchedulerStoreKind.Postgres && variable is null)
        {
            throw section.Error("store", "is postgres, so scheduler.postgres.connection_string_variable must name the environment variable holding the connection string");
        }

        var config = new SchedulerConfig(store, variable, section.OptionalString("instance_id"), RetryConfig.Read(section.Section("step_retry"), new RetryConfig(3, 30, 600)));
        section.RejectUnknownKeys();
        return config;
    }
}
