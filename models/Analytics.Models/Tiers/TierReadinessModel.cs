using System.Globalization;
using Analytics.Models.Learning;
using Analytics.Models.Scoring;
using Analytics.Models.Configuration;

namespace Analytics.Models.Tiers;

/// <summary>
/// Tier readiness (DOMAIN.md "Scores and forecasts"): the probability that a partner meets every judged criterion of
/// its target tier (the next tier; at the top tier its own, i.e. keeping it) at the next quarterly review, beside the
/// deterministic checklist of marts.tier_checklist. A regularised logistic regression on the checklist's progress
/// toward the target tier, trained on every (partner, quarter Q) whose next quarter has closed by the snapshot, with
/// the outcome observed at Q + 1, and evaluated on the latest closed transition held out.
/// </summary>
/// <remarks>
/// Only quarters whose four-quarter window lies inside the CRM's deal history train (before it rolling ARR reads 0).
/// The saved model is refitted on every transition after the held-out evaluation, so it uses the latest quarter too.
/// </remarks>
public sealed partial class TierReadinessModel
{
    /// <summary>The model's name in model files, evaluations and the catalog.</summary>
    public const string Name = "tier_readiness";

    /// <summary>Fewer training outcomes than this flags the model (and its scores) as thin.</summary>
    public const int MinOutcomes = 200;

    /// <summary>Fewer training outcomes of either class (met / not met) than this also flags the model as thin.</summary>
    public const int MinOutcomesPerClass = 20;

    /// <summary>
    /// Trains on the warehouse of <paramref name="context"/>; <paramref name="evaluations"/> holds AUC (when the held-out
    /// transition has both outcomes), Brier score, log loss and the base rate's Brier score on the latest transition, or
    /// nothing when fewer than two transitions have closed. Saving the file and recording the evaluations is the caller's.
    /// </summary>
    public ModelFile<TierReadinessParameters> Train(ScoringContext context, out IReadOnlyList<ModelEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = TierReadinessRows.Read(context.Connection);
        var training = rows.Where(r => r.IsTrainingRow).ToList();
        var l2 = context.Config.Models.TierReadiness.L2;
        context.Report($"tier readiness: {training.Count} training outcomes");

        var latest = training.Count == 0 ? (int?)null : training.Max(r => r.QuarterNumber);
        var heldOut = training.Where(r => r.QuarterNumber == latest).ToList();
        var earlier = training.Where(r => r.QuarterNumber != latest).ToList();

        var parameters = Fit(training, l2);
        var positives = training.Count(r => r.MetTarget == true);
        var isThin = IsThin(training.Count, positives);
        // The rolling evaluation chooses the algorithm; its records take the version once the parameters are final.
        var (algorithm, rolling) = RollingEvaluations(training, l2, "");
        if (algorithm != LogisticAlgorithm)
        {
            var mlNet = MlNetTrainer.Fit(algorithm, TierReadinessRows.FeatureNames, [.. training.Select(r => r.Features)], [.. training.Select(r => r.MetTarget == true)]);
            parameters = parameters with { MlNet = MlNetModelFile.Save(context.Store, Name, mlNet) };
        }

        var version = ModelStore.Version(Name, context.SnapshotDate, parameters);

        var measured = new List<ModelEvaluation>();
        DataWindow? evaluationWindow = null;
        if (heldOut.Count > 0 && earlier.Count > 0)
        {
            evaluationWindow = Window(heldOut);
            measured.AddRange(Evaluate(Fit(earlier, l2), heldOut, version, evaluationWindow,
                $"held-out transition {heldOut[0].FiscalQuarter} -> {heldOut[0].OutcomeQuarter}"));
        }

        measured.AddRange(rolling.Select(e => e with { ModelVersion = version }));
        evaluations = measured;
        var notes = new List<string>
        {
            "Outcome: every judged criterion of the target tier met at the next quarter's review (the next tier; at the top tier, keeping its own). hygiene_score is never judged for a closed quarter, so it is not part of the outcome or the features.",
            "The tier is the roster's tier in the snapshot for every quarter (the CRM keeps no tier history).",
            $"Training: every (partner, quarter) whose next quarter has closed and whose four-quarter window lies inside the CRM's deal history: {training.Count} outcomes, {positives} met.",
            "Evaluated by refitting without the latest closed transition and scoring it, and by rolling origin (every transition scored by a model trained on the transitions before it only, pooled); the saved model is then refitted on every transition.",
            $"Algorithm: {algorithm} (ML.NET's L-BFGS logistic regression replaces ours only when its pooled rolling AUC is higher by {CandidateMargin} or more).",
        };
        if (isThin)
        {
            notes.Add($"Thin: fewer than {MinOutcomes} outcomes or fewer than {MinOutcomesPerClass} of either class; the L2 prior ({l2.ToString(CultureInfo.InvariantCulture)}) dominates and probabilities stay near the base rate.");
        }

        if (parameters.Regression.Coefficients.All(c => c == 0))
        {
            notes.Add("Training outcomes hold one class only (or none): the model is the smoothed base rate.");
        }

        var file = new ModelFile<TierReadinessParameters>(
            Name, version, algorithm, context.SnapshotDate, context.ScoredAt,
            Window(training), evaluationWindow, TierReadinessRows.Features, parameters,
            measured.Where(e => !e.Window.StartsWith("rolling", StringComparison.Ordinal)).ToDictionary(e => e.Metric, e => e.Value)
                .Concat(rolling.Where(e => e.Metric is "auc" or "positives").Select(e => KeyValuePair.Create("rolling_" + e.Metric, e.Value))).ToDictionary(),
            isThin, notes);
        return file;
    }

    /// <summary>Whether <paramref name="outcomes"/> with <paramref name="positives"/> met is too few to trust the fit.</summary>
    public static bool IsThin(long outcomes, long positives) =>
        outcomes < MinOutcomes || positives < MinOutcomesPerClass || outcomes - positives < MinOutcomesPerClass;

    /// <summary>The logistic regression on <paramref name="rows"/>, or the smoothed base rate when they hold one class.</summary>
    internal static TierReadinessParameters Fit(IReadOnlyList<TierReadinessRow> rows, double l2)
    {
        var positives = rows.Count(r => r.MetTarget == true);
        var baseRate = (positives + 1.0) / (rows.Count + 2.0);
        if (positives == 0 || positives == rows.Count)
        {
            var features = TierReadinessRows.FeatureNames.Count;
            var flat = new Standardizer(new double[features], Enumerable.Repeat(1.0, features).ToArray());
            return new TierReadinessParameters(
                new LogisticRegressionModel([.. TierReadinessRows.FeatureNames], flat, Logistic.LogOdds(baseRate), new double[features], l2, new double[features]),
                baseRate);
        }

        var regression = LogisticRegressionTrainer.Fit(TierReadinessRows.FeatureNames, [.. rows.Select(r => r.Features)],
            [.. rows.Select(r => r.MetTarget == true)], new LogisticRegressionOptions { L2 = l2 });
        return new TierReadinessParameters(regression, baseRate);
    }

    private static IEnumerable<ModelEvaluation> Evaluate(TierReadinessParameters fitted, IReadOnlyList<TierReadinessRow> heldOut,
        string version, DataWindow window, string name)
    {
        var probabilities = heldOut.Select(r => fitted.Regression.Probability(r.Features)).ToList();
        var labels = heldOut.Select(r => r.MetTarget == true).ToList();
        var positives = labels.Count(l => l);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{heldOut.Count} outcomes, {positives} met; fitted on the earlier transitions only (base rate {fitted.BaseRate:0.000})");
        if (positives > 0 && positives < labels.Count)
        {
            yield return new ModelEvaluation(Name, version, name, window.From, window.To, "auc", ClassifierMetrics.Auc(probabilities, labels), heldOut.Count, detail);
        }

        yield return new ModelEvaluation(Name, version, name, window.From, window.To, "brier", ClassifierMetrics.Brier(probabilities, labels), heldOut.Count, detail);
        yield return new ModelEvaluation(Name, version, name, window.From, window.To, "log_loss", ClassifierMetrics.LogLoss(probabilities, labels), heldOut.Count, detail);
        var baseline = labels.Select(_ => fitted.BaseRate).ToList();
        yield return new ModelEvaluation(Name, version, name, window.From, window.To, "brier_base_rate", ClassifierMetrics.Brier(baseline, labels), heldOut.Count,
            "Brier score of predicting the earlier transitions' base rate for everyone: the bar the model must beat");
    }

    /// <summary>From the first feature quarter's start to the last outcome quarter's last day.</summary>
    private static DataWindow Window(IReadOnlyList<TierReadinessRow> rows)
    {
        if (rows.Count == 0)
        {
            return new DataWindow(DateOnly.MinValue, DateOnly.MinValue, 0, 0, 0);
        }

        return new DataWindow(rows.Min(r => r.QuarterStart), rows.Max(r => r.OutcomeQuarterEnd!.Value).AddDays(-1),
            rows.Count, rows.Count, rows.Count(r => r.MetTarget == true));
    }
}
