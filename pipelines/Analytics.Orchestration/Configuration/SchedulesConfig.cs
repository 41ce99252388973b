namespace Analytics.Orchestration.Configuration;

/// <summary><c>schedules:</c>, when <c>analytics serve</c> runs each job: cron expressions (Hangfire's, five or six fields) read in one explicit time zone.</summary>
/// <param name="TimeZone">The IANA time zone the expressions are read in (e.g. Europe/Berlin); daylight saving is honoured.</param>
/// <param name="Jobs">The scheduled jobs: nightly, weekly, quarterly (a job set to null is not scheduled).</param>
public sealed record SchedulesConfig(TimeZoneInfo TimeZone, IReadOnlyList<ScheduleConfig> Jobs);

/// <summary>One scheduled job.</summary>
/// <param name="Job">nightly, weekly or quarterly.</param>
/// <param name="Cron">The cron expression (six fields have seconds first: <c>0 30 2 * * ?</c> is 02:30 every day).</param>
/// <param name="Where">Where the expression is written (file, line, key), for errors found when it is parsed.</param>
public sealed record ScheduleConfig(string Job, string Cron, string Where);
