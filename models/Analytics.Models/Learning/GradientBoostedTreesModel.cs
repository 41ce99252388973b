using System.Text.Json.Serialization;

namespace Analytics.Models.Learning;

/// <summary>
/// A fitted gradient-boosted tree model for a binary outcome: <c>log-odds(x) = BaseLogOdds + Σ_t tree_t(x)</c>. Each
/// tree's root value is folded into <see cref="BaseLogOdds"/>, so every tree's root is 0 and the path contributions
/// (see <see cref="Contributions"/>) add up exactly: <c>BaseLogOdds + Σ contributions = LogOdds</c>. Scoring allocates
/// nothing. Saved as JSON with <c>ModelStore.Json</c>.
/// </summary>
public sealed record GradientBoostedTreesModel
{
    private readonly PackedTrees _packed;

    /// <summary>Creates a model, checking its trees only split on its features.</summary>
    /// <exception cref="ArgumentException">No features, or a tree splits on a feature index outside them.</exception>
    [JsonConstructor]
    public GradientBoostedTreesModel(string[] featureNames, double baseLogOdds, BoostedTree[] trees)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(trees);
        if (featureNames.Length == 0)
        {
            throw new ArgumentException("A model needs at least one feature.", nameof(featureNames));
        }

        for (var t = 0; t < trees.Length; t++)
        {
            var bad = trees[t].Feature.FirstOrDefault(f => f >= featureNames.Length || f < -1, -1);
            if (bad != -1)
            {
                throw new ArgumentException($"Tree {t} splits on feature {bad}, but there are {featureNames.Length} features.", nameof(trees));
            }
        }

        FeatureNames = featureNames;
        BaseLogOdds = baseLogOdds;
        Trees = trees;
        _packed = new PackedTrees(trees);
    }

    /// <summary>Feature names, in the order rows give their values.</summary>
    public string[] FeatureNames { get; }

    /// <summary>The log-odds before any split: the training base rate plus every tree's root value.</summary>
    public double BaseLogOdds { get; }

    /// <summary>The trees, in the order they were grown.</summary>
    public BoostedTree[] Trees { get; }

    /// <summary>The log-odds of a positive outcome for one row of raw feature values. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">The row does not have one value per feature.</exception>
    public double LogOdds(ReadOnlySpan<double> raw)
    {
        CheckLength(raw.Length);
        return BaseLogOdds + _packed.Sum(raw);
    }

    /// <summary>The probability of a positive outcome for one row of raw feature values. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">The row does not have one value per feature.</exception>
    public double Probability(ReadOnlySpan<double> raw) => Logistic.Sigmoid(LogOdds(raw));

    /// <summary>
    /// Writes each feature's contribution into <paramref name="into"/> by the path method (Saabas): along each tree's
    /// path, the change in node value at each split is credited to the split's feature, so
    /// <c>BaseLogOdds + Σ into = LogOdds(raw)</c> (to rounding). Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">Either span does not have one value per feature.</exception>
    public void Contributions(ReadOnlySpan<double> raw, Span<double> into)
    {
        CheckLength(raw.Length);
        CheckLength(into.Length);
        into.Clear();
        _packed.AddContributions(raw, into);
    }

    private void CheckLength(int length)
    {
        if (length != FeatureNames.Length)
        {
            throw new ArgumentException($"Expected {FeatureNames.Length} feature values ({string.Join(", ", FeatureNames)}), got {length}.");
        }
    }
}
