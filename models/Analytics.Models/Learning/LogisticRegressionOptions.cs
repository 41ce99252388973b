namespace Analytics.Models.Learning;

/// <summary>How <see cref="LogisticRegressionTrainer"/> fits (the objective is in its documentation).</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>
    /// λ, the weight of the penalty <c>(λ/2)·Σ(β_j − prior_j)²</c> on the standardised coefficients; ≥ 0. It is not
    /// divided by the row count: with few rows it dominates, with many it hardly matters. 0 is plain maximum
    /// likelihood, which has no finite answer on separable data.
    /// </summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>The value each standardised coefficient is pulled toward, one per feature; null means all 0.</summary>
    public IReadOnlyList<double>? PriorMeans { get; init; }

    /// <summary>A non-negative weight per training row (its share of the log-likelihood); null means all 1.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>The most optimiser iterations before giving up; ≥ 1.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// Convergence: the largest gradient component of the objective divided by the total weight (so independent of
    /// the row count) must fall below this; &gt; 0.
    /// </summary>
    public double Tolerance { get; init; } = 1e-9;
}
