using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;

namespace Analytics.Models.Tiers;

/// <summary>
/// Reads the tier-readiness rows (<c>tier_readiness_rows.sql</c>, embedded) from a warehouse: one per active partner and
/// fiscal quarter of marts.tier_checklist, with features toward the target tier and the outcome a quarter later.
/// </summary>
internal static class TierReadinessRows
{
    /// <summary>The model's inputs, in the order of <see cref="TierReadinessRow.Features"/>.</summary>
    public static IReadOnlyList<FeatureDescription> Features { get; } =
    [
        new("arr_progress", "Rolling four-quarter credited ARR / the target tier's threshold, capped at 2."),
        new("csat_progress", "Average CSAT / the target tier's threshold, capped at 2; 1 when the partner has no responses."),
        new("csat_unknown", "1 when the partner has no CSAT response in the four quarters (the criterion is not judged), else 0."),
        new("certified_progress", "Certified people / the target tier's threshold, capped at 2."),
        new("proofs_progress", "Recent proofs asked of the partner's type / the target tier's threshold, capped at 2."),
        new("criteria_met", "Criteria of the target tier met in the quarter (hygiene aside: it is known for the current quarter only)."),
        new("tier_rank", "The partner's current tier rank (0 = entry tier)."),
        new("arr_progress_change", "arr_progress minus the previous quarter's: the quarter-over-quarter change of credited ARR progress."),
    ];

    /// <summary>The feature names, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = [.. Features.Select(f => f.Name)];

    private static string Sql => EmbeddedSql.Read(typeof(TierReadinessRows), "tier_readiness_rows");

    /// <summary>Every row, by partner and quarter.</summary>
    public static IReadOnlyList<TierReadinessRow> Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.UseStreamingMode = true; // feature rows stream into objects, not through a materialised result first
        using var reader = command.ExecuteReader();
        var rows = new List<TierReadinessRow>();
        while (reader.Read())
        {
            var features = new double[Features.Count];
            for (var j = 0; j < features.Length; j++)
            {
                features[j] = Convert.ToDouble(reader[Features[j].Name], CultureInfo.InvariantCulture);
            }

            rows.Add(new TierReadinessRow(
                (string)reader["partner_id"],
                (string)reader["fiscal_quarter"],
                Convert.ToInt32(reader["quarter_number"], CultureInfo.InvariantCulture),
                (DateOnly)reader["quarter_start"],
                (string)reader["tier"],
                (string)reader["target_tier"],
                reader["outcome_quarter"] as string,
                reader["outcome_quarter_end"] is DateOnly end ? end : null,
                features,
                (bool)reader["has_full_history"],
                reader["met_target_next_quarter"] is bool met ? met : null));
        }

        return rows;
    }
}
