using System.Collections.Concurrent;
using Analytics.Cli.Printing;
using Analytics.Orchestration.Runs;
using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Warehouse;
using Spectre.Console;
using Analytics.Orchestration.Configuration;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>
/// The stages run in one direction: after transform and score, nothing opens the warehouse for writing. Proved on a
/// real warehouse with the real stages, by recording every open <see cref="DuckDbFile"/> makes (a read-only file mode
/// would prove nothing: root ignores it).
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class WarehouseAccessTests(ThreeMonthLake lake)
{
    [Fact]
    public async Task The_QBR_and_weekly_email_stages_open_the_warehouse_only_read_only()
    {
        Assert.True(lake.RunCode == ExitCodes.Success, lake.RunOutput);
        var config = PipelineConfigLoader.Load(lake.Config, PipelineConfigSections.All);
        var stages = new PipelineStages(config, new ManualClock(CliRun.Now), Console());
        var step = new StepContext("20261121T030000Z-test", new DateOnly(2026, 9, 30), 1);

        var opened = await Recording(config, async () =>
        {
            // The packs rendered again (the run's step would skip them as done), then the step as a run runs it.
            QbrStage.Produce(config, quarter: null, partners: null, unlessDone: false, Console());
            await stages.QbrAsync(step, CancellationToken.None);
            await stages.WeeklyEmailsAsync(step, onlyWhenDue: false, CancellationToken.None);
        });

        Assert.True(opened.Count >= 3, $"the stages opened the warehouse {opened.Count} time(s)");
        Assert.All(opened, open => Assert.True(open.ReadOnly, $"{open.Path} was opened read-write"));
    }

    [Fact]
    public async Task The_bookkeeping_step_is_what_opens_the_warehouse_read_write_and_the_recording_sees_it()
    {
        var config = PipelineConfigLoader.Load(lake.Config, PipelineConfigSections.All);

        var opened = await Recording(config, () =>
        {
            CatalogBookkeeping.Load(config, null, _ => { });
            return Task.CompletedTask;
        });

        var open = Assert.Single(opened);
        Assert.False(open.ReadOnly);
        Assert.True(WarehouseQuery.Scalar<long>(lake.Warehouse, "select count(*) from catalog.deliveries where status = 'sent'") > 0);
    }

    /// <summary>Every open of the warehouse while <paramref name="work"/> runs (other tests' files are left out).</summary>
    private static async Task<IReadOnlyList<DuckDbOpening>> Recording(PipelineConfig config, Func<Task> work)
    {
        var warehouse = Path.GetFullPath(config.Paths.Warehouse);
        var opened = new ConcurrentQueue<DuckDbOpening>();
        void Record(DuckDbOpening open)
        {
            if (string.Equals(open.Path, warehouse, StringComparison.Ordinal))
            {
                opened.Enqueue(open);
            }
        }

        DuckDbFile.Opening += Record;
        try
        {
            await work();
        }
        finally
        {
            DuckDbFile.Opening -= Record;
        }

        return opened.ToList();
    }

    private static SpectreStageConsole Console() => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    }));
}
