using Analytics.Models.Scoring;
using Analytics.Orchestration.Stages;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Transforms;
using Analytics.Reports.Qbr;
using Analytics.Reports.Weekly;
using Spectre.Console;

namespace Analytics.Cli.Printing;

/// <summary>The stages' console on Spectre.Console: their lines styled, their progress as bars, their outcomes as the commands' tables.</summary>
internal sealed class SpectreStageConsole(IAnsiConsole console) : IStageConsole
{
    /// <inheritdoc/>
    public void Line(string text) => console.MarkupLineInterpolated($"{text}");

    /// <inheritdoc/>
    public void Headline(string stage, string rest) => console.MarkupLineInterpolated($"[blue]{stage}[/]{rest}");

    /// <inheritdoc/>
    public void Detail(string text) => console.MarkupLineInterpolated($"  [grey]{text}[/]");

    /// <inheritdoc/>
    public void Warning(string text) => console.MarkupLineInterpolated($"[yellow]{text}[/]");

    /// <inheritdoc/>
    public void Alarm(string text) => console.MarkupLineInterpolated($"[red bold]{text}[/]");

    /// <inheritdoc/>
    public void Error(string message)
    {
        console.Markup("[red]error:[/] ");
        console.Profile.Out.Writer.WriteLine(message); // raw: paths and row references stay whole, no re-wrapping
        console.Profile.Out.Writer.Flush();
    }

    /// <inheritdoc/>
    public T WithProgress<T>(StageProgressKind kind, string description, Func<IProgress<StageProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var bar = console.Progress().AutoClear(kind == StageProgressKind.Rendering).Columns(kind switch
        {
            StageProgressKind.Landing => [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn()],
            StageProgressKind.Building => [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn()],
            _ => new ProgressColumn[] { new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn() },
        });
        return bar.Start(progress =>
        {
            var task = progress.AddTask(Markup.Escape(description), maxValue: 1);
            return work(new SynchronousProgress<StageProgress>(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Done;
                if (p.Description is { } now)
                {
                    task.Description = Markup.Escape(now);
                }
            }));
        });
    }

    /// <inheritdoc/>
    public void Landed(SnapshotManifest manifest) =>
        console.MarkupLineInterpolated($"  landed {manifest.SnapshotDate:yyyy-MM-dd}: {manifest.Entities.Sum(e => e.Landed):N0} rows, {manifest.Entities.Sum(e => e.Quarantined):N0} quarantined");

    /// <inheritdoc/>
    public void Extracted(SnapshotManifest manifest, LakeLayout layout) => SnapshotReport.Print(console, manifest, layout);

    /// <inheritdoc/>
    public void Transformed(TransformResult result) => TransformReport.Print(console, result);

    /// <inheritdoc/>
    public void Scored(ModelStageResult result) => ModelReport.Print(console, result);

    /// <inheritdoc/>
    public void QbrProduced(QbrOutcome outcome) => QbrReport.Print(console, outcome);

    /// <inheritdoc/>
    public void WeeklyDelivered(WeeklyOutcome outcome, string? outboxFolder, string ledgerPath) => WeeklyReport.Print(console, outcome, outboxFolder, ledgerPath);

    /// <inheritdoc/>
    public void RunChanged(string message) => console.MarkupLineInterpolated($"[bold blue]»[/] {message}");
}
