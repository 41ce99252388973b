using Analytics.Models.Learning;

namespace Analytics.Models.StalledDeals;

/// <summary>The chosen classifier of a <see cref="StalledDealParameters"/>, scored through one door.</summary>
internal sealed class StallClassifier
{
    private readonly LogisticRegressionModel? _logistic;
    private readonly GradientBoostedTreesModel? _trees;

    public StallClassifier(StalledDealParameters parameters)
    {
        if (parameters.Algorithm == StalledDealModel.TreesAlgorithm)
        {
            _trees = parameters.Trees ?? throw new InvalidOperationException("the model file names gradient_boosted_trees but holds no trees.");
        }
        else
        {
            _logistic = parameters.Logistic;
        }
    }

    public StallClassifier(LogisticRegressionModel logistic) => _logistic = logistic;

    public StallClassifier(GradientBoostedTreesModel trees) => _trees = trees;

    /// <summary>The probability of stalling.</summary>
    public double Probability(ReadOnlySpan<double> features) =>
        _trees is not null ? _trees.Probability(features) : _logistic!.Probability(features);

    /// <summary>Each feature's push on the log-odds.</summary>
    public void Contributions(ReadOnlySpan<double> features, Span<double> into)
    {
        if (_trees is not null)
        {
            _trees.Contributions(features, into);
        }
        else
        {
            _logistic!.Contributions(features, into);
        }
    }
}
