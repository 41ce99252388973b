using Analytics.Models.Learning;

namespace Analytics.Models.StalledDeals;

/// <summary>The chosen classifier of a <see cref="StalledDealParameters"/>, scored through one door.</summary>
internal sealed class StallClassifier
{
    private readonly LogisticRegressionModel? _logistic;
    private readonly GradientBoostedTreesModel? _trees;
    private readonly double _intercept;
    private readonly double _slope = 1;

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

        _intercept = parameters.RecalibrationIntercept;
        _slope = parameters.RecalibrationSlope;
    }

    public StallClassifier(LogisticRegressionModel logistic, double intercept, double slope)
    {
        _logistic = logistic;
        _intercept = intercept;
        _slope = slope;
    }

    public StallClassifier(LogisticRegressionModel logistic) => _logistic = logistic;

    public StallClassifier(GradientBoostedTreesModel trees) => _trees = trees;

    /// <summary>The probability of stalling.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        var logOdds = _trees is not null ? _trees.LogOdds(features) : _logistic!.LogOdds(features);
        return Logistic.Sigmoid(_intercept + _slope * logOdds);
    }

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

        if (_slope != 1)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] *= _slope; // recalibration scales every push alike: the reasons' order is unchanged
            }
        }
    }
}
