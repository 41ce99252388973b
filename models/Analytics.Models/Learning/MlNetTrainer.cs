using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Models.Learning;

/// <summary>
/// Trains <see cref="MlNetClassifier"/>s with ML.NET on rows read from the warehouse: FastTree (gradient-boosted trees,
/// Platt-calibrated) and L-BFGS logistic regression. Every context is seeded with <see cref="Seed"/> and training runs
/// on one thread, so the same rows give the same model, byte for byte.
/// </summary>
public static class MlNetTrainer
{
    /// <summary>The name of the FastTree candidate.</summary>
    public const string FastTree = "fast_tree";

    /// <summary>The name of the L-BFGS logistic regression candidate.</summary>
    public const string LogisticRegression = "lbfgs_logistic_regression";

    /// <summary>The seed of every ML.NET context.</summary>
    public const int Seed = 7;

    /// <summary>The trainers, by name.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = [FastTree, LogisticRegression];

    /// <summary>Fits <paramref name="algorithm"/> on <paramref name="rows"/> and <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">
    /// Unknown algorithm, or bad input: mismatched lengths, a NaN or infinite value (the message names the row and
    /// feature), labels of one outcome only.
    /// </exception>
    public static MlNetClassifier Fit(string algorithm, IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        TrainingRows.Check(featureNames, rows, null);
        TrainingRows.CheckLabels(labels, rows.Count, null);
        var count = featureNames.Count;
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(
            rows.Select((r, i) => new MlNetExample { Features = MlNetClassifier.ToFloats(r, count), Label = labels[i] }).ToList(),
            MlNetExample.Schema(count));
        return algorithm switch
        {
            FastTree => FitTrees(ml, data, count),
            LogisticRegression => FitLinear(ml, data, count),
            _ => throw new ArgumentException($"Unknown ML.NET algorithm '{algorithm}'; expected one of {string.Join(", ", Algorithms)}.", nameof(algorithm)),
        };
    }

    private static MlNetClassifier FitTrees(MLContext ml, IDataView data, int count)
    {
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 200,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.1,
            NumberOfThreads = 1,
        });
        var predictor = trainer.Fit(data);
        var contributions = ml.Transforms.CalculateFeatureContribution(predictor, count, count, normalize: false).Fit(predictor.Transform(data));
        var pipeline = new TransformerChain<ITransformer>(predictor, contributions);
        return new MlNetClassifier(FastTree, count, -((PlattCalibrator)predictor.Model.Calibrator).Slope, ml, pipeline);
    }

    private static MlNetClassifier FitLinear(MLContext ml, IDataView data, int count)
    {
        var normalizer = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false).Fit(data);
        var normalized = normalizer.Transform(data);
        var predictor = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = 1,
            NumberOfThreads = 1,
        }).Fit(normalized);
        var contributions = ml.Transforms.CalculateFeatureContribution(predictor, count, count, normalize: false).Fit(predictor.Transform(normalized));
        var pipeline = new TransformerChain<ITransformer>(normalizer, predictor, contributions);
        return new MlNetClassifier(LogisticRegression, count, -predictor.Model.Calibrator.Slope, ml, pipeline);
    }
}
