using Analytics.Sources.Demo;
using Analytics.TestSupport.Salesforce;
using Analytics.TestSupport.Salesforce.Seeding;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>The demo CRM of <see cref="Day"/> at a small scale, as a Salesforce org whose clock the test moves with the CLI's.</summary>
internal static class SeededOrgs
{
    /// <summary>The snapshot date: the CLI clock's day.</summary>
    public static readonly DateOnly Day = DateOnly.FromDateTime(CliRun.Now.UtcDateTime);

    /// <summary>The day before, for a previous snapshot the fault tests keep.</summary>
    public static readonly DateOnly DayBefore = Day.AddDays(-1);

    public const int Seed = 42;

    public const double Scale = 0.05;

    /// <summary>
    /// A new org holding the demo CRM (seed 42, scale 0.05) as it stood at the end of <see cref="Day"/>, seeded at
    /// <paramref name="seededAt"/> (its rows' SystemModstamp); its clock then follows <see cref="SettableClock.Now"/>.
    /// </summary>
    public static (SalesforceOrg Org, SettableClock Clock) Demo(DateTimeOffset seededAt)
    {
        var clock = new SettableClock(seededAt);
        return (DemoOrgSeeder.SeedFromDemo(new DemoCrmOptions { Seed = Seed, Scale = Scale }, Day, clock), clock);
    }

    /// <summary>A clock that reads what the test last set: the org's "now" must be the CLI's, or the JWT's expiry and the bookmarks disagree.</summary>
    public sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
