using System.CommandLine;
using Analytics.Cli.Shell;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Sources;
using Analytics.Orchestration.Stages;
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

    public PipelineConfig LoadConfig(ParseResult parsed) => PipelineConfigLoader.Load(ConfigFile(parsed), PipelineConfigSections.All);

    /// <summary>
    /// The file <c>--config</c> names; without it, pipeline.yaml of the working directory or the nearest folder above
    /// it, said on stderr when it is not the working directory's own.
    /// </summary>
    private string ConfigFile(ParseResult parsed)
    {
        if (parsed.GetResult(configOption) is { Implicit: false })
        {
            return parsed.GetValue(configOption)!;
        }

        var found = PipelineConfigLoader.Find(Host.WorkingDirectory)
            ?? throw new ConfigurationException($"no {PipelineConfigLoader.DefaultFileName} in {Host.WorkingDirectory} or any folder above it: "
                + "run from the repository (or a folder inside it), or pass --config <path>.");
        if (!string.Equals(Path.GetDirectoryName(found), Path.GetFullPath(Host.WorkingDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            Host.Error.WriteLine($"using {found} (no {PipelineConfigLoader.DefaultFileName} in {Host.WorkingDirectory})");
        }

        return found;
    }

    /// <summary>The configuration of a command that lands data: it must name its source (no silent demo fallback).</summary>
    public PipelineConfig LoadConfigWithSource(ParseResult parsed) => PipelineConfigLoader.RequireSource(LoadConfig(parsed));

    public ExtractRunner Extractor(PipelineConfig config, SourceKind? sourceOverride) => LakeLanding.Extractor(config, sourceOverride, Clock);

    /// <summary>The stages' console: their lines, progress bars and outcomes printed on <see cref="Console"/>.</summary>
    public IStageConsole Stages => new SpectreStageConsole(Console);
}
