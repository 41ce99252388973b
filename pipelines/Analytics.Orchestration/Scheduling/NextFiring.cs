namespace Analytics.Orchestration.Scheduling;

/// <summary>A scheduled job and when it fires next.</summary>
/// <param name="Job">The job.</param>
/// <param name="Cron">Its cron expression.</param>
/// <param name="TimeZone">The time zone the expression is read in.</param>
/// <param name="Next">Its next firing (UTC), or null when it will not fire again.</param>
/// <param name="Previous">Its previous firing (UTC), if the store knows one.</param>
public sealed record NextFiring(string Job, string Cron, string TimeZone, DateTimeOffset? Next, DateTimeOffset? Previous);
