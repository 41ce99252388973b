using Analytics.Models.Learning;
using Analytics.Models.Scoring;
using Analytics.Models.Configuration;

namespace Analytics.Models.StalledDeals;

public static partial class StalledDealModel
{
    /// <summary>A trained model file with the evaluations measured while training it.</summary>
    /// <param name="File">The model file to save.</param>
    /// <param name="Evaluations">Its figures on the later window (empty when the lake is too short to hold one out).</param>
    public sealed record Training(ModelFile<StalledDealParameters> File, IReadOnlyList<ModelEvaluation> Evaluations);

    /// <summary>Trains on every landed snapshot up to the warehouse's and evaluates on the later window.</summary>
    /// <exception cref="ModelTrainingException">No row has an observed outcome yet.</exception>
    public static Training Train(ScoringContext context)
    {
        var settings = context.Config.Models.StalledDeal;
        context.Report("stalled-deal model: reading one row per open partner deal per snapshot");
        var labelled = StalledDealRows.Read(context.Connection, DateOnly.MinValue, context.SnapshotDate, settings.HorizonDays, context.Config.Fiscal.YearStartMonth)
            .Where(r => r.IsStalled is not null)
            .ToList();
        if (labelled.Count == 0)
        {
            throw new ModelTrainingException(
                $"{Name}: no open partner deal has an observed outcome yet; training needs snapshots at least {settings.HorizonDays} days apart (backfill with `analytics backfill`).");
        }

        var dates = labelled.Select(r => r.SnapshotDate).Distinct().Order().ToList();
        var windowStart = dates[^1].AddDays(-7 * settings.EvaluationWeeks + 1);
        var evaluation = labelled.Where(r => r.SnapshotDate >= windowStart).ToList();
        var training = labelled.Where(r => r.LabelSnapshotDate <= windowStart).ToList();
        var notes = new List<string>();
        if (training.Count == 0 || evaluation.Count == 0)
        {
            notes.Add($"The lake is too short to hold out a later window of {settings.EvaluationWeeks} weeks; trained on every labelled row, not evaluated.");
            training = labelled;
            evaluation = [];
        }

        if (settings.MaxTrainingOutcomes is { } max && training.Count > max)
        {
            notes.Add($"Trained on a sample of {max:N0} of the {training.Count:N0} available outcomes (models.stalled_deal.max_training_outcomes).");
            training = training.OrderBy(SampleKey).Take(max).OrderBy(r => r.SnapshotDate).ThenBy(r => r.OpportunityId, StringComparer.Ordinal).ToList();
        }

        var isThin = training.Count < settings.MinOutcomes;
        if (isThin)
        {
            notes.Add($"THIN DATA: {training.Count:N0} training outcomes, fewer than the {settings.MinOutcomes:N0} configured as enough (models.stalled_deal.min_outcomes). "
                + "Coefficients are shrunk toward the prior (DOMAIN.md's hygiene rules: no activity for 14 days, next step older than 7 and 14 days raise the risk; every other feature no effect), "
                + "so scores lean on those rules and on the training stall rate; "
                + "treat the ranking as indicative and the reasons as the checklist they are.");
        }

        context.Report($"stalled-deal model: fitting on {training.Count:N0} outcomes from {training[0].SnapshotDate:yyyy-MM-dd} to {training[^1].SnapshotDate:yyyy-MM-dd}");
        var x = training.Select(StalledDealFeatures.Vector).ToList();
        var y = training.Select(r => r.IsStalled!.Value).ToList();
        var l2 = settings.L2;
        var priorMeans = StalledDealFeatures.PriorMeans(Standardizer.Fit(x).Scales);
        if (training.Count < CrossValidateBelowOutcomes)
        {
            var (chosenL2, losses) = PriorStrengthSearch.Choose(StalledDealFeatures.Names, x, y, training.Select(r => r.OpportunityId).ToList(), settings.L2, priorMeans);
            l2 = chosenL2;
            notes.Add($"Prior strength chosen by {PriorStrengthSearch.Folds}-fold cross-validation (deals kept whole per fold) because training has fewer than {CrossValidateBelowOutcomes:N0} outcomes: L2 = {l2} "
                + $"(validation log loss {string.Join(", ", losses.Select(l => $"{l.L2}: {l.LogLoss:0.000}"))}).");
        }

        var logistic = LogisticRegressionTrainer.Fit(StalledDealFeatures.Names, x, y, new LogisticRegressionOptions { L2 = l2, PriorMeans = priorMeans });
        var (recalibrationIntercept, recalibrationSlope) = (0.0, 1.0);
        if (training.Count < CrossValidateBelowOutcomes)
        {
            (recalibrationIntercept, recalibrationSlope) = PriorStrengthSearch.Recalibration(StalledDealFeatures.Names, x, y, training.Select(r => r.OpportunityId).ToList(), l2, priorMeans);
            notes.Add($"Probabilities recalibrated on out-of-fold predictions (Platt): log-odds × {recalibrationSlope:0.000} {(recalibrationIntercept < 0 ? "-" : "+")} {Math.Abs(recalibrationIntercept):0.000}.");
        }

        var chosen = new StallClassifier(logistic, recalibrationIntercept, recalibrationSlope);
        var algorithm = LogisticAlgorithm;
        MlNetModelFile? mlNetFile = null;
        var candidates = new List<CandidateEvaluation>();
        IReadOnlyList<CalibrationBin> calibration = [];
        var evaluations = new List<(string Metric, double Value, string? Detail)>();
        if (evaluation.Count > 0)
        {
            var evalX = evaluation.Select(StalledDealFeatures.Vector).ToList();
            var evalY = evaluation.Select(r => r.IsStalled!.Value).ToList();
            var logisticEval = Candidate(LogisticAlgorithm, chosen, evalX, evalY);
            candidates.Add(logisticEval);
            if (training.Count >= MinimumOutcomesForCandidates && y.Distinct().Count() == 2)
            {
                MlNetClassifier? best = null;
                foreach (var name in MlNetTrainer.Algorithms)
                {
                    context.Report($"stalled-deal model: fitting ML.NET {name} to compare");
                    var fitted = MlNetTrainer.Fit(name, StalledDealFeatures.Names, x, y);
                    var candidateEval = Candidate(name, new StallClassifier(fitted), evalX, evalY);
                    candidates.Add(candidateEval);
                    if (candidateEval.Auc >= logisticEval.Auc + CandidateMargin && candidateEval.Auc > candidates.Single(c => c.Algorithm == algorithm).Auc)
                    {
                        algorithm = name;
                        best = fitted;
                    }
                }

                if (best is not null)
                {
                    chosen = new StallClassifier(best);
                    mlNetFile = SaveMlNet(context.Store, best);
                }
            }
            else
            {
                notes.Add($"ML.NET's candidates (FastTree, L-BFGS logistic regression) were not tried: fewer than {MinimumOutcomesForCandidates:N0} training outcomes.");
            }

            var winner = candidates.Single(c => c.Algorithm == algorithm);
            var probabilities = chosen.Probabilities(evalX);
            calibration = ClassifierMetrics.Calibration(probabilities, evalY, CalibrationBins, CalibrationBinning.Quantile);
            var positives = evalY.Count(v => v);
            var (low, high) = ClassifierMetrics.AucConfidenceInterval(winner.Auc, positives, evalY.Count - positives);
            evaluations.Add(("auc", winner.Auc, $"{algorithm}; 95 % interval {low:0.000}-{high:0.000} (Hanley-McNeil)"));
            evaluations.Add(("auc_ci_low", low, null));
            evaluations.Add(("auc_ci_high", high, null));
            evaluations.Add(("brier", winner.Brier, null));
            evaluations.Add(("log_loss", winner.LogLoss, null));
            evaluations.Add(("observed_stall_rate", (double)positives / evalY.Count, null));
            evaluations.Add(("mean_predicted", probabilities.Average(), null));
            evaluations.Add(("max_calibration_gap_pp", calibration.Max(b => Math.Abs(b.MeanPredicted - b.ObservedRate)) * 100, $"over {calibration.Count} deciles of score"));
            foreach (var candidate in candidates)
            {
                evaluations.Add(($"candidate_auc_{candidate.Algorithm}", candidate.Auc, candidate.Algorithm == algorithm ? "chosen" : "not chosen"));
            }

            var (quietHits, quietDeals) = ReasonHits(evaluation, evalX, chosen, r => r.ActivityAgeDays > 14, ReasonFamily.ActivityGap);
            var (staleHits, staleDeals) = ReasonHits(evaluation, evalX, chosen, r => r.NextStepAgeDays > 14, ReasonFamily.NextStep);
            evaluations.Add(("reason_hit_no_activity_14d", quietDeals == 0 ? 0 : (double)quietHits / quietDeals, $"share of {quietDeals:N0} deals quiet > 14 days whose top three reasons name the activity gap"));
            evaluations.Add(("reason_hit_next_step_14d", staleDeals == 0 ? 0 : (double)staleHits / staleDeals, $"share of {staleDeals:N0} deals with a next step > 14 days old whose top three reasons name it"));
        }

        evaluations.Add(("training_outcomes", training.Count, isThin ? "thin" : null));
        var parameters = mlNetFile is not null
            ? new StalledDealParameters(algorithm, settings.HorizonDays, logistic, mlNetFile, y.Count(v => v) / (double)y.Count, calibration, candidates)
            : new StalledDealParameters(algorithm, settings.HorizonDays, logistic, null, y.Count(v => v) / (double)y.Count, calibration, candidates, recalibrationIntercept, recalibrationSlope);
        var version = ModelStore.Version(Name, context.SnapshotDate, parameters);
        var metrics = evaluations.ToDictionary(e => e.Metric, e => e.Value, StringComparer.Ordinal);
        var file = new ModelFile<StalledDealParameters>(
            Name, version, algorithm, context.SnapshotDate, context.ScoredAt,
            Window(training), evaluation.Count == 0 ? null : Window(evaluation),
            StalledDealFeatures.Descriptions, parameters, metrics, isThin, notes);
        var window = file.Evaluation ?? file.Training;
        var records = evaluations
            .Select(e => new ModelEvaluation(Name, version, evaluation.Count == 0 ? "training" : "later window", window.From, window.To, e.Metric, e.Value, window.Outcomes, e.Detail))
            .ToList();
        return new Training(file, records);
    }

    /// <summary>Saves <paramref name="model"/>'s zip in the store under its content hash and describes it for the card.</summary>
    private static MlNetModelFile SaveMlNet(ModelStore store, MlNetClassifier model)
    {
        var zip = model.Save();
        var hash = MlNetClassifier.ContentHash(zip);
        var file = $"{model.Algorithm}-{hash[..16]}.zip";
        store.SaveArtifact(Name, file, zip);
        return new MlNetModelFile(model.Algorithm, file, hash, model.LogOddsPerScore);
    }

    private static CandidateEvaluation Candidate(string algorithm, StallClassifier classifier, IReadOnlyList<double[]> x, IReadOnlyList<bool> y)
    {
        var probabilities = classifier.Probabilities(x);
        return new CandidateEvaluation(algorithm, ClassifierMetrics.Auc(probabilities, y), ClassifierMetrics.Brier(probabilities, y), ClassifierMetrics.LogLoss(probabilities, y));
    }

    private static (int Hits, int Deals) ReasonHits(IReadOnlyList<StalledDealRow> rows, IReadOnlyList<double[]> x, StallClassifier classifier,
        Func<StalledDealRow, bool> carries, ReasonFamily family)
    {
        var top = new int[3];
        int hits = 0, deals = 0;
        var carrying = Enumerable.Range(0, rows.Count).Where(i => carries(rows[i])).ToList();
        classifier.Score(carrying, i => x[i], (_, _, contributions) =>
        {
            deals++;
            var found = StalledDealReasons.TopFamilies(contributions, top);
            if (top.AsSpan(0, found).Contains((int)family))
            {
                hits++;
            }
        });
        return (hits, deals);
    }

    private static DataWindow Window(IReadOnlyList<StalledDealRow> rows) =>
        new(rows.Min(r => r.SnapshotDate), rows.Max(r => r.SnapshotDate), rows.Count, rows.Count, rows.Count(r => r.IsStalled == true));
}
