using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;
using Analytics.Pipelines.Transforms;
using Dapper;

namespace Analytics.Models.Tiers;

public sealed partial class TierReadinessModel
{
    /// <summary>The table <see cref="Score"/> writes.</summary>
    public const string Table = "scores.tier_readiness";

    /// <summary>
    /// Writes <c>scores.tier_readiness</c>: one row per active partner with a review in the current quarter, scored with
    /// <paramref name="model"/> on its last completed quarter's checklist, beside its current checklist counts and
    /// nearest gap; then describes the table in the catalog.
    /// </summary>
    public void Score(ScoringContext context, ModelFile<TierReadinessParameters> model)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        var connection = context.Connection;
        var rows = TierReadinessRows.Read(connection).ToDictionary(r => (r.PartnerId, r.QuarterNumber));
        var mlNet = model.Parameters.MlNet?.Load(context.Store, Name, TierReadinessRows.FeatureNames.Count);
        Func<double[], double> probability = mlNet is not null ? x => mlNet.Probabilities([x])[0] : x => model.Parameters.Regression.Probability(x);
        var reviews = connection.Query<CurrentReview>(
            """
            select partner_id as PartnerId, tier as Tier, next_tier as NextTier, fiscal_quarter as FiscalQuarter, quarter_number as QuarterNumber,
                case when next_tier is null then criteria_met_current else criteria_met_next end::integer as CriteriaMet,
                case when next_tier is null then criteria_judged_current else criteria_judged_next end::integer as CriteriaJudged,
                nearest_gap as NearestGap
            from marts.tier_reviews
            where is_current
            order by partner_id
            """).ToList();

        connection.Execute($"""
            create schema if not exists scores;
            create or replace table {Table} (
                partner_id varchar, current_tier varchar, next_tier varchar, review_quarter varchar, features_quarter varchar,
                probability double, criteria_met integer, criteria_judged integer, nearest_gap varchar, is_thin boolean,
                model_version varchar, scored_at timestamp);
            """);
        using (var appender = connection.CreateAppender("scores", "tier_readiness"))
        {
            foreach (var review in reviews)
            {
                if (!rows.TryGetValue((review.PartnerId, review.QuarterNumber - 1), out var features)
                    && !rows.TryGetValue((review.PartnerId, review.QuarterNumber), out features))
                {
                    continue; // no checklist toward a target tier (a tier without criteria at the top): nothing to predict
                }

                var row = appender.CreateRow();
                row.AppendValue(review.PartnerId);
                row.AppendValue(review.Tier);
                row.AppendValue(review.NextTier ?? review.Tier);
                row.AppendValue(review.FiscalQuarter);
                row.AppendValue(features.FiscalQuarter);
                row.AppendValue(probability(features.Features));
                row.AppendValue(review.CriteriaMet);
                row.AppendValue(review.CriteriaJudged);
                row.AppendValue(review.NearestGap);
                row.AppendValue(model.IsThin);
                row.AppendValue(model.Version);
                row.AppendValue(context.ScoredAt);
                row.EndRow();
            }
        }

        CatalogTables.Describe(connection, Table, ["marts.tier_checklist", "marts.tier_reviews", "intermediate.fiscal_quarters"], context.RunId);
        context.Report(string.Create(CultureInfo.InvariantCulture, $"tier readiness: {reviews.Count} partners scored with {model.Version}"));
    }

    private sealed record CurrentReview(
        string PartnerId, string Tier, string? NextTier, string FiscalQuarter, int QuarterNumber, int CriteriaMet, int CriteriaJudged, string? NearestGap);
}
