namespace Analytics.Orchestration.Scheduling;

/// <summary>A Hangfire firing of one of the pipeline's jobs, as the scheduler hands it to the launcher.</summary>
/// <param name="Job">nightly, weekly or quarterly.</param>
/// <param name="Trigger">What fired it: the recurring job's cron, or a trigger from the dashboard.</param>
/// <param name="ScheduledAt">The due firing it runs (UTC): the latest due time of the cron at or before it was fired, so a firing missed while no server ran carries its own due time.</param>
/// <param name="FiredAt">When it actually started (UTC).</param>
/// <param name="Date">The run's date: the scheduled time's date in the schedules' time zone.</param>
/// <param name="Node">The Hangfire server that runs it.</param>
/// <param name="BackgroundJobId">The Hangfire background job (see the dashboard).</param>
public sealed record ScheduledFiring(string Job, string Trigger, DateTimeOffset ScheduledAt, DateTimeOffset FiredAt, DateOnly Date, string Node, string BackgroundJobId);
