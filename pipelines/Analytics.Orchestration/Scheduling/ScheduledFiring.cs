namespace Analytics.Orchestration.Scheduling;

/// <summary>A Quartz firing of one of the pipeline's jobs, as the scheduler hands it to the launcher.</summary>
/// <param name="Job">nightly, weekly or quarterly.</param>
/// <param name="Trigger">The trigger's name.</param>
/// <param name="ScheduledAt">When the firing was due (UTC).</param>
/// <param name="FiredAt">When it actually fired (UTC): later than <paramref name="ScheduledAt"/> for a misfire run at start-up.</param>
/// <param name="Date">The run's date: the scheduled time's date in the schedules' time zone.</param>
/// <param name="Node">The scheduler instance that runs it.</param>
public sealed record ScheduledFiring(string Job, string Trigger, DateTimeOffset ScheduledAt, DateTimeOffset FiredAt, DateOnly Date, string Node);
