using Analytics.Sources.Demo;
using Analytics.TestSupport.Salesforce;
using Analytics.TestSupport.Salesforce.Seeding;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>The demo CRM of <see cref="Day"/> at a small scale, as a Salesforce org, seeded once and only read by the tests.</summary>
internal static class SeededOrgs
{
    /// <summary>The snapshot date: the CLI clock's day.</summary>
    public static readonly DateOnly Day = DateOnly.FromDateTime(CliRun.Now.UtcDateTime);

    /// <summary>The day before, for a previous snapshot the fault tests keep.</summary>
    public static readonly DateOnly DayBefore = Day.AddDays(-1);

    public const int Seed = 42;

    public const double Scale = 0.05;

    private static readonly Lazy<SalesforceOrg> Shared = new(() => DemoOrgSeeder.SeedFromDemo(
        new DemoCrmOptions { Seed = Seed, Scale = Scale }, Day, new FixedTime(new DateTimeOffset(Day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero))));

    /// <summary>The org of the demo CRM (seed 42, scale 0.05) as it stood at the end of <see cref="Day"/>; callers must not change it.</summary>
    public static SalesforceOrg Demo => Shared.Value;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
