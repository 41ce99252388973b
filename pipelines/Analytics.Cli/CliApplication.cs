using System.CommandLine;
using Analytics.Cli.Commands;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Diagnostics;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Transforms;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// The <c>analytics</c> command line: builds the command tree and turns every failure into a message and an exit code
/// (0 success, 1 the run failed, 2 bad usage or configuration), never a stack trace.
/// </summary>
public sealed class CliApplication
{
    private readonly RootCommand _root;
    private readonly IAnsiConsole _console;

    private CliApplication(RootCommand root, IAnsiConsole console)
    {
        _root = root;
        _console = console;
    }

    /// <summary>The application with its commands, reading time from <paramref name="clock"/> and writing to <paramref name="console"/>.</summary>
    public static CliApplication Create(TimeProvider clock, IAnsiConsole console) => Create(clock, console, Shell.ShellHost.FromProcess());

    /// <summary>The application reading stdin (and the terminal, if stdin is one) and writing stderr through <paramref name="host"/>.</summary>
    internal static CliApplication Create(TimeProvider clock, IAnsiConsole console, Shell.ShellHost host)
    {
        var config = CliOptions.Config();
        var context = new CommandContext(config, clock, console, host);
        var root = new RootCommand(
            "Partner-program analytics: lands nightly CRM snapshots as Parquet, builds a DuckDB warehouse of partner metrics and scores it with trained models.\n" +
            "Exit codes: 0 success, 1 the run failed, 2 bad usage or configuration.")
        {
            config,
            ExtractCommand.Create(context),
            BackfillCommand.Create(context),
            RunCommand.Create(context),
            TransformCommand.Create(context),
            TrainCommand.Create(context),
            ScoreCommand.Create(context),
            SqlCommand.Create(context),
            CatalogCommand.Create(context),
            NotebookCommand.Create(context),
            DocsCommand.Create(context),
            ReportCommand.Create(context),
            EmailCommand.Create(context),
            StatusCommand.Create(context),
            FreshnessCommand.Create(context),
            ServeCommand.Create(context),
            SchedulerCommand.Create(context),
            SourceCommand.Create(context),
        };
        return new CliApplication(root, console);
    }

    /// <summary>The command tree (tests parse the command lines the messages suggest against it).</summary>
    internal RootCommand Root => _root;

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> InvokeAsync(string[] args)
    {
        var parsed = _root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var lines = UsageErrors.Describe(parsed);
            foreach (var line in lines.SkipLast(1))
            {
                _console.MarkupLineInterpolated($"[red]error:[/] {line}");
            }

            _console.MarkupLineInterpolated($"{lines[^1]}");
            return ExitCodes.BadUsage;
        }

        try
        {
            var writer = new ConsoleTextWriter(_console);
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = writer, Error = writer });
        }
        catch (Exception e) when (e is ConfigurationException or Analytics.Reports.Delivery.DeliveryConfigurationException or Analytics.Reports.Data.ReportRequestException)
        {
            return Fail(OperatorMessage.ForConsole(e), ExitCodes.BadUsage);
        }
        catch (Exception e) when (e is Analytics.Reports.Data.ReportException or SourceException or ExtractFailedException or TransformRunException or Analytics.Orchestration.Stages.SnapshotNotLandedException or TransformProjectException or DuckDBException or IOException or UnauthorizedAccessException
            or Analytics.Sources.Salesforce.Api.SalesforceException or Analytics.Sources.HubSpot.Api.HubSpotException)
        {
            return Fail(OperatorMessage.ForConsole(e), ExitCodes.RunFailed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var detail = OperatorMessage.DebugEnabled ? OperatorMessage.ForConsole(e) : $"{OperatorMessage.Of(e)} (set {OperatorMessage.DebugVariable}=1 for the stack trace)";
            return Fail($"unexpected failure: {detail}", ExitCodes.RunFailed);
        }
    }

    private int Fail(string message, int code)
    {
        _console.Markup("[red]error:[/] ");
        _console.Profile.Out.Writer.WriteLine(message); // raw: paths and row references stay whole, no re-wrapping
        _console.Profile.Out.Writer.Flush();
        return code;
    }
}
