using System.Globalization;
using Analytics.Models.Tiers;
using Dapper;

namespace Analytics.Models.Tests.Tiers;

/// <summary><see cref="TierReadinessModel"/> over <see cref="TierReadinessDataset"/> (the hand computation is in its remarks).</summary>
public sealed class TierReadinessModelTests(TierReadinessFixture fixture) : IClassFixture<TierReadinessFixture>
{
    [Fact]
    public void Training_rows_hold_the_checklist_features_and_the_next_quarters_outcome()
    {
        using var connection = fixture.OpenScoringBuild(fixture.AsOfSecond);

        var training = TierReadinessRows.Read(connection).Where(r => r.IsTrainingRow).Select(Describe).ToList();

        // features: arr, csat, csat_unknown, certified, proofs, criteria_met, tier_rank, arr change
        Assert.Equal(
        [
            "p1 2025-Q4 select 0.5 1 0 1 1 1 0 0 -> False",
            "p1 2026-Q1 select 0.6 1 0 1 1 1 0 0.1 -> True",
            "p1 2026-Q2 select 1.05 1 0 1 1 2 0 0.45 -> True",
            "p2 2025-Q4 elite 1.3333 0.75 0 1 1 2 2 0 -> False",
            "p2 2026-Q1 elite 0.6667 1 1 1 1 1 2 -0.6667 -> False",
            "p2 2026-Q2 elite 0.6667 1 1 1 1 1 2 0 -> False",
            "p3 2025-Q4 elite 1.1667 1 1 1 1 2 1 0 -> True",
            "p3 2026-Q1 elite 1.1667 1 1 1 1 2 1 0 -> False",
            "p3 2026-Q2 elite 0 1 1 1 1 1 1 -1.1667 -> False",
        ], training);
    }

    [Fact]
    public void Quarters_whose_window_starts_before_the_crms_deal_history_do_not_train()
    {
        using var connection = fixture.OpenScoringBuild(fixture.AsOfSecond);

        var early = TierReadinessRows.Read(connection).Single(r => r.PartnerId == "p1" && r.FiscalQuarter == "2025-Q3");

        Assert.Equal((false, false, false), (early.HasFullHistory, early.MetTarget!.Value, early.IsTrainingRow));
    }

    [Fact]
    public void A_training_row_is_the_same_whatever_later_snapshots_hold()
    {
        using var first = fixture.OpenScoringBuild(fixture.AsOfFirst);
        using var second = fixture.OpenScoringBuild(fixture.AsOfSecond);

        var asOfFirst = TierReadinessRows.Read(first).Where(r => r.IsTrainingRow).Select(Describe).ToList();
        var asOfSecond = TierReadinessRows.Read(second).Where(r => r.IsTrainingRow).Select(Describe).ToList();

        // As of 2026-07-15, 2026-Q3 is current: only Q up to 2026-Q1 have a closed next quarter.
        Assert.Equal(6, asOfFirst.Count);
        Assert.Equal(asOfFirst, asOfSecond.Where(r => !r.Contains(" 2026-Q2 ", StringComparison.Ordinal)));
        Assert.Null(TierReadinessRows.Read(first).Single(r => r.PartnerId == "p1" && r.FiscalQuarter == "2026-Q2").MetTarget);
    }

    [Fact]
    public void Training_evaluates_on_the_latest_transition_held_out_and_flags_thin_data()
    {
        using var connection = fixture.OpenScoringBuild(fixture.AsOfSecond);

        var model = new TierReadinessModel().Train(fixture.Context(connection, TierReadinessDataset.SecondSnapshot), out var evaluations);

        Assert.Equal(["auc", "brier", "log_loss", "brier_base_rate"], evaluations.Select(e => e.Metric));
        Assert.All(evaluations, e =>
        {
            Assert.Equal("held-out transition 2026-Q2 -> 2026-Q3", e.Window);
            Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), 3L), (e.WindowFrom, e.WindowTo, e.Rows));
            Assert.Equal(model.Version, e.ModelVersion);
        });

        // the earlier six outcomes hold 2 met: base rate (2 + 1) / (6 + 2) = 0.375; held out: p1 met, p2 and p3 not:
        // Brier of the base rate = ((1 - 0.375)^2 + 2 * 0.375^2) / 3 = (0.390625 + 0.28125) / 3 = 0.223958...
        Assert.Equal(0.671875 / 3, evaluations.Single(e => e.Metric == "brier_base_rate").Value, 12);
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 9L, 3L),
            (model.Training.From, model.Training.To, model.Training.Outcomes, model.Training.Positives!.Value));
        Assert.True(model.IsThin);
        Assert.Equal(4.0 / 11.0, model.Parameters.BaseRate, 12); // (3 met + 1) / (9 outcomes + 2)
    }

    [Fact]
    public void The_probability_rises_with_progress_toward_the_target_tier()
    {
        // 80 synthetic outcomes: met when ARR progress plus half the certification progress clears 1.2, with four
        // exceptions either way so the data are not separable.
        var rows = new List<TierReadinessRow>();
        for (var i = 0; i < 80; i++)
        {
            var arr = (i % 20) / 10.0;           // 0 .. 1.9
            var certified = (i / 20) / 2.0;      // 0, 0.5, 1, 1.5
            var met = arr + (certified / 2) >= 1.2;
            if (i is 7 or 33 or 51 or 78)
            {
                met = !met;
            }

            rows.Add(Row(arr, certified, met));
        }

        var parameters = TierReadinessModel.Fit(rows, l2: 1.0);

        var byArr = Enumerable.Range(0, 11).Select(k => parameters.Regression.Probability(Row(k / 5.0, 1.0, false).Features)).ToList();
        var byCertified = Enumerable.Range(0, 11).Select(k => parameters.Regression.Probability(Row(1.0, k / 5.0, false).Features)).ToList();
        Assert.All(byArr.Zip(byArr.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
        Assert.All(byCertified.Zip(byCertified.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
        Assert.True(byArr[^1] > 0.8 && byArr[0] < 0.2, string.Join(", ", byArr));
    }

    [Fact]
    public void A_single_outcome_class_gives_the_smoothed_base_rate()
    {
        var parameters = TierReadinessModel.Fit([Row(0.2, 0.5, false), Row(0.4, 0.5, false), Row(0.9, 1.0, false)], l2: 1.0);

        // (0 + 1) / (3 + 2) = 0.2 for every row
        Assert.Equal(0.2, parameters.Regression.Probability(Row(2.0, 2.0, false).Features), 12);
    }

    [Fact]
    public void Scoring_writes_one_row_per_active_partner_from_its_last_completed_quarter_with_every_column_described()
    {
        using var connection = fixture.OpenScoringBuild(fixture.AsOfSecond);
        var context = fixture.Context(connection, TierReadinessDataset.SecondSnapshot);
        var readiness = new TierReadinessModel();
        var model = readiness.Train(context, out _);

        readiness.Score(context, model);

        // current quarter 2026-Q4: p1 meets select (115,000, 2 people); p2 keeps elite? ARR 200,000 of 300,000, CSAT unknown;
        // p3 has no ARR in 2026-Q1..Q4.
        Assert.Equal(
        [
            "p1|registered|select|2026-Q4|2026-Q3|2|2|-",
            "p2|elite|elite|2026-Q4|2026-Q3|1|2|needs $100,000 more credited ARR in the four quarters",
            "p3|select|elite|2026-Q4|2026-Q3|1|2|needs $300,000 more credited ARR in the four quarters",
        ], connection.Query<string>(
            "select format('{}|{}|{}|{}|{}|{}|{}|{}', partner_id, current_tier, next_tier, review_quarter, features_quarter, criteria_met, "
            + "criteria_judged, coalesce(nearest_gap, '-')) from scores.tier_readiness order by partner_id").ToList());

        var expected = TierReadinessRows.Read(connection).Where(r => r.FiscalQuarter == "2026-Q3").OrderBy(r => r.PartnerId, StringComparer.Ordinal)
            .Select(r => model.Parameters.Regression.Probability(r.Features)).ToList();
        var written = connection.Query<(double Probability, bool IsThin, string Version, DateTime ScoredAt)>(
            "select probability, is_thin, model_version, scored_at from scores.tier_readiness order by partner_id").ToList();
        Assert.Equal(expected, written.Select(w => w.Probability));
        Assert.All(written, w => Assert.Equal((true, model.Version, context.ScoredAt), (w.IsThin, w.Version, w.ScoredAt)));
        Assert.Equal(12L, connection.ExecuteScalar<long>(
            "select count(*) from catalog.columns where model_name = 'scores.tier_readiness' and description <> ''"));
        Assert.Equal(3L, connection.ExecuteScalar<long>("select row_count from catalog.models where model_name = 'scores.tier_readiness'"));
    }

    private static TierReadinessRow Row(double arrProgress, double certifiedProgress, bool met) => new(
        "p", "2026-Q1", 1, new DateOnly(2026, 1, 1), "select", "elite", "2026-Q2", new DateOnly(2026, 7, 1),
        [arrProgress, 1.0, 0.0, certifiedProgress, 1.0, (arrProgress >= 1 ? 1 : 0) + (certifiedProgress >= 1 ? 1 : 0), 1.0, 0.0], true, met);

    private static string Describe(TierReadinessRow row) =>
        $"{row.PartnerId} {row.FiscalQuarter} {row.TargetTier} "
        + string.Join(' ', row.Features.Select(f => Math.Round(f, 4).ToString(CultureInfo.InvariantCulture)))
        + $" -> {row.MetTarget}";
}
