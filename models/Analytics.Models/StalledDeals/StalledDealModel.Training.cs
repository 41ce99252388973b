using Analytics.Models.Learning;
using Analytics.Models.Scoring;
using Analytics.Models.Configuration;

namespace Analytics.Models.StalledDeals;

public static partial class StalledDealModel
{
    /// <summary>The name of the later window in the evaluation ledger.</summary>
    public const string LaterWindow = "later window";

    /// <summary>A trained model file with the evaluations measured while training it.</summary>
    /// <param name="File">The model file to save.</param>
    /// <param name="Evaluations">Its figures on the later window and the earlier ones, the oracle's beside them, and the small-data table (empty when the lake is too short to hold one out).</param>
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

        var windows = EvaluationWindow.Rolling(labelled, settings.EvaluationWeeks);
        var notes = new List<string>();
        var (training, evaluation) = windows.Count > 0 ? windows[0].Split(labelled) : ([], []);
        if (windows.Count == 0)
        {
            notes.Add($"The lake is too short to hold out a later window of {settings.EvaluationWeeks} weeks; trained on every labelled row, not evaluated.");
            training = labelled;
        }

        training = Sample(training, settings, notes);
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
        var baseline = SmallDataModel.Fit(training, x, y, settings.L2);
        notes.AddRange(baseline.Notes);

        var chosen = baseline.Classifier;
        var algorithm = LogisticAlgorithm;
        MlNetModelFile? mlNetFile = null;
        var candidates = new List<CandidateEvaluation>();
        IReadOnlyList<CalibrationBin> calibration = [];
        var measured = new List<Measure>();
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
                    mlNetFile = MlNetModelFile.Save(context.Store, Name, best);
                }
            }
            else
            {
                notes.Add($"ML.NET's candidates (FastTree, L-BFGS logistic regression) were not tried: fewer than {MinimumOutcomesForCandidates:N0} training outcomes.");
            }

            var winner = candidates.Single(c => c.Algorithm == algorithm);
            var probabilities = chosen.Probabilities(evalX);
            calibration = ClassifierMetrics.Calibration(probabilities, evalY, CalibrationBins, CalibrationBinning.Quantile);
            measured.AddRange(WindowMeasures(windows[0], algorithm, probabilities, evalY));
            measured.Add(new(windows[0], "brier", winner.Brier, null));
            measured.Add(new(windows[0], "log_loss", winner.LogLoss, null));
            measured.Add(new(windows[0], "mean_predicted", probabilities.Average(), null));
            measured.Add(new(windows[0], "max_calibration_gap_pp", calibration.Max(b => Math.Abs(b.MeanPredicted - b.ObservedRate)) * 100, $"over {calibration.Count} deciles of score"));
            foreach (var candidate in candidates)
            {
                measured.Add(new(windows[0], $"candidate_auc_{candidate.Algorithm}", candidate.Auc,
                    candidate.Algorithm == algorithm ? "chosen" : $"not chosen (must beat the baseline by {CandidateMargin})"));
            }

            var (quietHits, quietDeals) = ReasonHits(evaluation, evalX, chosen, r => r.ActivityAgeDays > 14, ReasonFamily.ActivityGap);
            var (staleHits, staleDeals) = ReasonHits(evaluation, evalX, chosen, r => r.NextStepAgeDays > 14, ReasonFamily.NextStep);
            measured.Add(new(windows[0], "reason_hit_no_activity_14d", quietDeals == 0 ? 0 : (double)quietHits / quietDeals, $"share of {quietDeals:N0} deals quiet > 14 days whose top three reasons name the activity gap"));
            measured.Add(new(windows[0], "reason_hit_next_step_14d", staleDeals == 0 ? 0 : (double)staleHits / staleDeals, $"share of {staleDeals:N0} deals with a next step > 14 days old whose top three reasons name it"));
            measured.AddRange(OracleMeasures(context, windows[0], evaluation, chosen));
            measured.AddRange(EarlierWindows(context, labelled, windows, algorithm));
            measured.AddRange(SmallDataTable(context, training, windows[0], evaluation, evalX, evalY));
        }

        var parameters = new StalledDealParameters(algorithm, settings.HorizonDays, baseline.Logistic, mlNetFile, y.Count(v => v) / (double)y.Count, calibration, candidates,
            mlNetFile is null ? baseline.Intercept : 0, mlNetFile is null ? baseline.Slope : 1);
        var version = ModelStore.Version(Name, context.SnapshotDate, parameters);
        var trainingWindow = Window(training);
        var metrics = measured.Where(m => m.Window == windows.FirstOrDefault()).ToDictionary(m => m.Metric, m => m.Value, StringComparer.Ordinal);
        metrics["training_outcomes"] = training.Count;
        var file = new ModelFile<StalledDealParameters>(
            Name, version, algorithm, context.SnapshotDate, context.ScoredAt,
            trainingWindow, evaluation.Count == 0 ? null : Window(evaluation),
            StalledDealFeatures.Descriptions, parameters, metrics, isThin, notes);
        var records = measured
            .Select(m => new ModelEvaluation(Name, version, m.Window!.Name, m.Window.From, m.Window.To, m.Metric, m.Value, m.Rows ?? m.Window.Outcomes, m.Detail))
            .Append(new ModelEvaluation(Name, version, evaluation.Count == 0 ? "training" : LaterWindow, (file.Evaluation ?? trainingWindow).From,
                (file.Evaluation ?? trainingWindow).To, "training_outcomes", training.Count, training.Count, isThin ? "thin" : null))
            .ToList();
        return new Training(file, records);
    }

    /// <summary>A figure measured on a window (<paramref name="Rows"/>: when not the window's outcomes).</summary>
    private sealed record Measure(EvaluationWindow? Window, string Metric, double Value, string? Detail, long? Rows = null);

    /// <summary>Applies <c>max_training_outcomes</c>: a deterministic sample.</summary>
    private static List<StalledDealRow> Sample(List<StalledDealRow> training, StalledDealModelConfig settings, List<string> notes)
    {
        if (settings.MaxTrainingOutcomes is not { } max || training.Count <= max)
        {
            return training;
        }

        notes.Add($"Trained on a sample of {max:N0} of the {training.Count:N0} available outcomes (models.stalled_deal.max_training_outcomes).");
        return SampleOf(training, max);
    }

    /// <summary><paramref name="count"/> rows chosen by <see cref="SampleKey"/>, in snapshot and opportunity order.</summary>
    internal static List<StalledDealRow> SampleOf(IEnumerable<StalledDealRow> rows, int count) =>
        rows.OrderBy(SampleKey).Take(count).OrderBy(r => r.SnapshotDate).ThenBy(r => r.OpportunityId, StringComparer.Ordinal).ToList();

    /// <summary>AUC with its interval and the positives it rests on.</summary>
    private static IEnumerable<Measure> WindowMeasures(EvaluationWindow window, string algorithm, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(v => v);
        var auc = ClassifierMetrics.Auc(probabilities, labels);
        var (low, high) = ClassifierMetrics.AucConfidenceInterval(auc, positives, labels.Count - positives);
        yield return new(window, "auc", auc, $"{algorithm}; 95 % interval {low:0.000}-{high:0.000} (Hanley-McNeil); {positives:N0} stalled of {labels.Count:N0}; trained only on outcomes known by {window.From:yyyy-MM-dd}");
        yield return new(window, "auc_ci_low", low, null);
        yield return new(window, "auc_ci_high", high, null);
        yield return new(window, "positives", positives, "stalled outcomes in the window");
        yield return new(window, "observed_stall_rate", (double)positives / labels.Count, null);
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
