using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;

namespace Analytics.Orchestration.Configuration;

/// <summary>Reads <c>schedules:</c>: each job's cron expression (as Hangfire reads it), checked when the file loads, and the time zone.</summary>
public sealed class SchedulesConfigSection : IConfigSection<SchedulesConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static SchedulesConfigSection Instance { get; } = new();

    private SchedulesConfigSection()
    {
    }

    /// <summary>The jobs <c>analytics serve</c> schedules, and their defaults.</summary>
    public static IReadOnlyDictionary<string, string> DefaultSchedules { get; } = new Dictionary<string, string>
    {
        ["nightly"] = "0 30 2 * * ?",
        ["weekly"] = "0 0 7 ? * MON",
        ["quarterly"] = "0 0 6 3 1,4,7,10 ?",
    };

    /// <inheritdoc />
    public string Path => "schedules";

    /// <inheritdoc />
    public SchedulesConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var zoneId = section.String("time_zone", "UTC");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw section.Error("time_zone", $"'{zoneId}' is not a time zone this machine knows (an IANA name such as Europe/Berlin or America/New_York)");
        }

        var jobs = new List<ScheduleConfig>();
        foreach (var (job, fallback) in DefaultSchedules)
        {
            var cron = section.Keys.Contains(job) ? section.OptionalString(job) : fallback;
            if (cron is { Length: > 0 })
            {
                PipelineCron.Parse(cron, out var problem);
                if (problem is not null)
                {
                    throw section.Error(job, $"'{cron}' is not a cron expression Hangfire reads: {problem} "
                        + "(five fields, or six with seconds first: [seconds 0-59] minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, "
                        + "day-of-week SUN-SAT; e.g. \"0 30 2 * * ?\" is 02:30 every day)");
                }

                jobs.Add(new ScheduleConfig(job, cron, section.Where(job)));
            }
        }

        section.RejectUnknownKeys();
        return new SchedulesConfig(zone, jobs);
    }
}
