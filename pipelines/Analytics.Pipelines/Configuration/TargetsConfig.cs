namespace Analytics.Pipelines.Configuration;

/// <summary>
/// The program's and partners' targets per fiscal quarter (pipeline.yaml <c>targets:</c>), written into
/// <c>config.targets</c> so marts.target_attainment sets them beside the actuals. A quarter or partner without a target
/// simply has none: packs show no attainment for it.
/// </summary>
/// <param name="Targets">Every target set, in file order.</param>
public sealed record TargetsConfig(IReadOnlyList<Target> Targets)
{
    /// <summary>The measures a target may be set on: what marts.target_attainment compares it with.</summary>
    public static IReadOnlyList<string> MeasureNames { get; } = ["sourced_arr", "sourced_pipeline_arr", "certified_people"];

    /// <summary>No targets.</summary>
    public static TargetsConfig None { get; } = new([]);
}

/// <summary>One target.</summary>
/// <param name="FiscalQuarter">The fiscal quarter, e.g. <c>2026-Q3</c>.</param>
/// <param name="PartnerId">The partner, or null for the whole program.</param>
/// <param name="Measure">One of <see cref="TargetsConfig.MeasureNames"/>.</param>
/// <param name="Value">The target value.</param>
public sealed record Target(string FiscalQuarter, string? PartnerId, string Measure, double Value);
