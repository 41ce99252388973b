namespace Analytics.Pipelines.Crm;

/// <summary>
/// The numeric ranges a canonical value must lie in (DOMAIN.md): ARR is never negative, attribution is a percentage,
/// CSAT is 1-5, stage_index 0-6 (0 closed_lost, 1-5 the motion's stages, 6 closed_won). Sources reject values outside.
/// </summary>
public static class CrmValueRanges
{
    private static readonly Dictionary<(string Entity, string Column), (decimal? Min, decimal? Max)> Ranges = new()
    {
        [("opportunities", "arr")] = (0m, 1_000_000_000m),
        [("opportunities", "stage_index")] = (0m, 6m),
        [("stage_history", "stage_index")] = (0m, 6m),
        [("opportunity_partners", "attribution_pct")] = (0m, 100m),
        [("csat_responses", "score")] = (1m, 5m),
        [("deal_registrations", "extension_count")] = (0m, 12m),
    };

    /// <summary>The inclusive range of <paramref name="column"/> of <paramref name="entity"/>; nulls mean unbounded.</summary>
    public static (decimal? Min, decimal? Max) Of(string entity, string column) =>
        Ranges.TryGetValue((entity, column), out var range) ? range : (null, null);
}
