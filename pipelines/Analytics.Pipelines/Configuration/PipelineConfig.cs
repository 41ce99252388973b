namespace Analytics.Pipelines.Configuration;

/// <summary>The whole of pipeline.yaml, validated. Paths are absolute (resolved against the file's folder).</summary>
/// <param name="File">The configuration file it was read from.</param>
/// <param name="Source">Where the CRM data comes from.</param>
/// <param name="Paths">Where each stage writes.</param>
/// <param name="Extract">Extract and landing settings.</param>
/// <param name="Backfill">Defaults of <c>analytics backfill</c> and of the first <c>analytics run</c>.</param>
/// <param name="Fiscal">Fiscal calendar.</param>
/// <param name="Transform">The SQL models that build the warehouse.</param>
/// <param name="Tiers">The tier criteria of the quarterly review.</param>
/// <param name="Models">The scoring stage: stalled-deal score, tier readiness, forecast.</param>
/// <param name="Reports">The QBR packs.</param>
/// <param name="Delivery">How the weekly emails are delivered.</param>
/// <param name="Schedules">When <c>analytics serve</c> runs each job.</param>
/// <param name="Scheduler">The Quartz job store and step retries.</param>
/// <param name="Runs">Freshness limit and alerts of every run.</param>
public sealed record PipelineConfig(
    string File,
    SourceConfig Source,
    PathsConfig Paths,
    ExtractConfig Extract,
    BackfillConfig Backfill,
    FiscalConfig Fiscal,
    TransformConfig Transform,
    TiersConfig Tiers,
    ModelsConfig Models,
    ReportsConfig Reports,
    DeliveryConfig Delivery,
    SchedulesConfig Schedules,
    SchedulerConfig Scheduler,
    RunsConfig Runs)
{
    /// <summary>Whether the text had no sections at all (blank or only comments): every value is a default.</summary>
    public bool IsEmpty { get; init; }
}
