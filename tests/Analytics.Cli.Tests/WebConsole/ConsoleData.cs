using Analytics.Cli.WebConsole;
using Analytics.Orchestration.Configuration;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Scheduling;
using Analytics.Pipelines.Configuration;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;
using Hangfire;

namespace Analytics.Cli.Tests.WebConsole;

/// <summary>
/// A pipeline folder as a night of `analytics run` leaves it (lake, warehouse with its catalog, a quarter's QBR packs,
/// a week's emails in the outbox and ledger, a succeeded run), plus a failed run's record, and the console serving it
/// on a free loopback port with the schedules registered in an in-memory Hangfire storage.
/// </summary>
public sealed class ConsoleData : IAsyncLifetime
{
    /// <summary>The failed run's error: markup that must reach the page escaped.</summary>
    public const string FailedError = "transform failed: partners.csv: line 3 field 'tier' <script>alert('x')</script> is not a tier";

    private readonly TempDirectory _directory = new();

    public string ConfigFile => _directory.Combine("pipeline.yaml");

    public PipelineConfig Config { get; private set; } = null!;

    public JobStorage Storage { get; } = SchedulerStores.Memory();

    public string SucceededRunId { get; private set; } = null!;

    public string FailedRunId { get; } = "20261002T023000Z-fa11";

    public string Address => Server.Address;

    internal ConsoleServer Server { get; private set; } = null!;

    internal ConsoleSite Site => new(Config, Storage, TimeProvider.System);

    public async Task InitializeAsync()
    {
        File.WriteAllText(ConfigFile, $"""
            source:
              demo:
                scale: 0.02
            backfill:
              months: 1
              every: week
            transform:
              models: {TestWarehouse.TransformsFolder}
            schedules:
              time_zone: Europe/Berlin
            console:
              address: 127.0.0.1:0
            """);
        var (code, output) = CliRun.Invoke("run", "--config", ConfigFile, "--date", "2026-10-01");
        Assert.True(code == ExitCodes.Success, output);
        Config = PipelineConfigLoader.Load(ConfigFile, PipelineConfigSections.All);
        var history = new RunHistory(Config.Paths.Runs);
        SucceededRunId = history.ReadAll().Single().RunId;
        var started = new DateTimeOffset(2026, 10, 2, 2, 30, 0, TimeSpan.Zero);
        history.Save(new RunRecord(FailedRunId, "nightly", "scheduled (nightly cron '0 30 2 * * ?')", new DateOnly(2026, 10, 2), Environment.MachineName, Environment.ProcessId,
            started, started.AddSeconds(42), RunOutcome.Failed, FailedError,
            [
                new StepRecord("extract", 1, StepOutcome.Succeeded, started, started.AddSeconds(20), 1, "landed 6 entities", 1200),
                new StepRecord("freshness", 2, StepOutcome.Succeeded, started.AddSeconds(20), started.AddSeconds(21), 1, "fresh"),
                new StepRecord("transform", 3, StepOutcome.Failed, started.AddSeconds(21), started.AddSeconds(42), 3, Error: FailedError),
                new StepRecord("score", 4, StepOutcome.Skipped),
            ]));
        using (PipelineScheduler.Create(Config.Schedules, Storage, (_, _) => Task.CompletedTask, new SchedulerServerOptions("console-tests", TimeSpan.FromSeconds(1))))
        {
            // registered, never started: the console shows the schedule
        }

        Server = await ConsoleServer.StartAsync(Site, ConsoleAccess.Resolve(Config.Console), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleData>
{
    public const string Name = "web console";
}
