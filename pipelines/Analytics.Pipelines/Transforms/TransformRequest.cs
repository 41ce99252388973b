using Analytics.Pipelines.Configuration;

namespace Analytics.Pipelines.Transforms;

/// <summary>What one transform run builds, from where, into where.</summary>
/// <param name="TransformsFolder">The SQL and YAML project (pipelines/transforms).</param>
/// <param name="LakeRoot">The lake holding the landed snapshots.</param>
/// <param name="WarehousePath">The warehouse file the build replaces when it succeeds.</param>
/// <param name="RunsFolder">Where a failed build is kept for inspection (&lt;runs&gt;/&lt;run id&gt;/failed-warehouse.duckdb).</param>
/// <param name="FiscalYearStartMonth">First month of the fiscal year, 1-12.</param>
public sealed record TransformRequest(string TransformsFolder, string LakeRoot, string WarehousePath, string RunsFolder, int FiscalYearStartMonth)
{
    /// <summary>Build from the latest snapshot landed on or before this date; null: the latest landed snapshot.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The build's run id (catalog.builds.run_id); null: a new one. A scheduled run passes its own, so one id names both.</summary>
    public string? RunId { get; init; }

    /// <summary>Failing rows kept per failed test in <c>test_failures.&lt;test&gt;</c> (the count is always exact).</summary>
    public int FailingRowsKept { get; init; } = 1000;

    /// <summary>
    /// The tier criteria the build writes into <c>config.tiers</c>, <c>config.tier_criteria</c> and
    /// <c>config.tier_settings</c> before any model runs (the tier marts read them); pipeline.yaml <c>tiers:</c>.
    /// </summary>
    public TiersConfig Tiers { get; init; } = TiersConfig.Default;

    /// <summary>The targets the build writes into <c>config.targets</c> (marts.target_attainment); pipeline.yaml <c>targets:</c>.</summary>
    public TargetsConfig Targets { get; init; } = TargetsConfig.None;

    /// <summary>The request pipeline.yaml describes.</summary>
    public static TransformRequest From(PipelineConfig config, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TransformRequest(config.Transform.Models, config.Paths.Lake, config.Paths.Warehouse, config.Paths.Runs, config.Fiscal.YearStartMonth)
        {
            AsOf = asOf,
            FailingRowsKept = config.Transform.FailingRowsKept,
            Tiers = config.Tiers,
            Targets = config.Targets,
        };
    }
}
