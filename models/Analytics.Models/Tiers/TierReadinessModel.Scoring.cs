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

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["partner_id"] = "The partner (active, with a tier review in the current quarter).",
        ["current_tier"] = "The partner's tier in the roster of the snapshot.",
        ["next_tier"] = "The target tier: the tier above, or at the top tier the partner's own (the probability is then of keeping it).",
        ["review_quarter"] = "The next review: the current fiscal quarter, reviewed at its end.",
        ["features_quarter"] = "The quarter whose checklist the probability is computed from: the last completed quarter (the current one for a partner that joined in it).",
        ["probability"] = "Probability (0-1) of meeting every judged criterion of next_tier at the review_quarter review (hygiene aside: it is never judged for a closed quarter, so the model does not predict it).",
        ["criteria_met"] = "Criteria of next_tier met now (marts.tier_reviews, current quarter, values as of the snapshot).",
        ["criteria_judged"] = "Criteria of next_tier judged now (known values).",
        ["nearest_gap"] = "The nearest gap to next_tier now, in words (marts.tier_reviews.nearest_gap); null when every judged criterion is met.",
        ["is_thin"] = $"True when the model was trained on fewer than {MinOutcomes} outcomes or fewer than {MinOutcomesPerClass} of either class: the probability leans on the prior.",
        ["model_version"] = "The model file's version.",
        ["scored_at"] = "When this scoring run started (UTC).",
    };

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
                row.AppendValue(model.Parameters.Regression.Probability(features.Features));
                row.AppendValue(review.CriteriaMet);
                row.AppendValue(review.CriteriaJudged);
                row.AppendValue(review.NearestGap);
                row.AppendValue(model.IsThin);
                row.AppendValue(model.Version);
                row.AppendValue(context.ScoredAt);
                row.EndRow();
            }
        }

        CatalogTables.Describe(connection, Table,
            "Tier readiness (DOMAIN.md 'Scores and forecasts'): the probability that each active partner meets every judged criterion of its target tier "
            + "(the next tier; at the top tier its own) at the next quarterly review, from a regularised logistic regression on the tier checklist's progress "
            + "(model tier_readiness), beside the deterministic checklist's current counts and nearest gap (marts.tier_reviews).",
            "one row per active partner with a current tier review",
            ["marts.tier_checklist", "marts.tier_reviews", "intermediate.fiscal_quarters"],
            Columns, context.RunId);
        context.Report(string.Create(CultureInfo.InvariantCulture, $"tier readiness: {reviews.Count} partners scored with {model.Version}"));
    }

    private sealed record CurrentReview(
        string PartnerId, string Tier, string? NextTier, string FiscalQuarter, int QuarterNumber, int CriteriaMet, int CriteriaJudged, string? NearestGap);
}
