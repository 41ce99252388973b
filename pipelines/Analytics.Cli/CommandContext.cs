using System.CommandLine;
using Analytics.Cli.Shell;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Spectre.Console;
using Analytics.Orchestration.Sources;
using Analytics.Orchestration.Configuration;

namespace Analytics.Cli;

/// <summary>What every command needs: the configuration option, the clock, the console and stdin/stderr (all replaceable in tests).</summary>
internal sealed class CommandContext(Option<string> configOption, TimeProvider clock, IAnsiConsole console, ShellHost host)
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>Stdin (and whether it is a terminal), stderr and the sql shell's history file.</summary>
    public ShellHost Host { get; } = host;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Today in UTC: the default snapshot date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public PipelineConfig LoadConfig(ParseResult parsed) => PipelineConfigLoader.Load(parsed.GetValue(configOption)!, PipelineConfigSections.All);

    /// <summary>The configuration of a command that lands data: it must name its source (no silent demo fallback).</summary>
    public PipelineConfig LoadConfigWithSource(ParseResult parsed) => PipelineConfigLoader.RequireSource(LoadConfig(parsed));

    public ExtractRunner Extractor(PipelineConfig config, SourceKind? sourceOverride) =>
        new(config, CrmSources.Create(sourceOverride is null ? PipelineConfigLoader.RequireSource(config) : config, sourceOverride ?? config.Source.Kind), Clock);

    /// <summary>
    /// Lands each date with a progress bar, two at a time on a machine with two or more cores (each snapshot is
    /// independent, and one extract keeps about one core busy); returns the manifests, oldest first.
    /// </summary>
    public IReadOnlyList<SnapshotManifest> LandAll(ExtractRunner extractor, IReadOnlyList<DateOnly> dates)
    {
        var manifests = new List<SnapshotManifest>();
        extractor.CleanUpAfterCrashedRuns();
        if (dates.Count == 0)
        {
            return manifests;
        }

        var gate = new object();
        Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"landing {dates.Count} snapshot(s)", maxValue: dates.Count);
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 2) };
                try
                {
                    Parallel.ForEach(dates, parallel, date =>
                    {
                        var manifest = extractor.Extract(date);
                        lock (gate)
                        {
                            manifests.Add(manifest);
                            Console.MarkupLineInterpolated($"  landed {date:yyyy-MM-dd}: {manifest.Entities.Sum(e => e.Landed):N0} rows, {manifest.Entities.Sum(e => e.Quarantined):N0} quarantined");
                            task.Increment(1);
                        }
                    });
                }
                catch (AggregateException parallelFailure)
                {
                    // Two dates landing at once usually fail for the same reason: report the first failure itself, as a
                    // sequential backfill would, not .NET's "One or more errors occurred" with the message twice.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(parallelFailure.Flatten().InnerExceptions[0]);
                }
                task.Description = $"landed {dates.Count} snapshot(s)";
            });
        return manifests.OrderBy(m => m.SnapshotDate).ToList();
    }

    /// <summary>Prints one snapshot's counts per entity.</summary>
    public void PrintManifest(SnapshotManifest manifest, LakeLayout layout)
    {
        var table = new Table().Title($"snapshot {manifest.SnapshotDate:yyyy-MM-dd} from {manifest.Source}")
            .AddColumns("entity", "read", "landed", "quarantined", "bytes");
        foreach (var entity in manifest.Entities)
        {
            table.AddRow(entity.Entity, $"{entity.Read:N0}", $"{entity.Landed:N0}", entity.Quarantined == 0 ? "0" : $"[yellow]{entity.Quarantined:N0}[/]", $"{entity.Bytes:N0}");
        }

        Console.Write(table);
        Console.MarkupLineInterpolated($"lake: {layout.Raw}");
        Console.MarkupLineInterpolated($"manifest: {layout.Manifest(manifest.SnapshotDate)}");
        if (manifest.Entities.Any(e => e.Quarantined > 0))
        {
            Console.MarkupLineInterpolated($"quarantined rows (file, line, field, value, reason): {layout.QuarantineRoot}");
        }
    }
}
