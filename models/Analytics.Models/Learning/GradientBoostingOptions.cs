namespace Analytics.Models.Learning;

/// <summary>How <see cref="GradientBoostingTrainer"/> grows its trees (the method is in its documentation).</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>How many trees to grow, ≥ 1.</summary>
    public int Trees { get; init; } = 200;

    /// <summary>The deepest a tree may split (depth 3: at most 8 leaves), 1 to 16.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>η, the shrinkage applied to every leaf value, in (0, 1].</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>The fewest (sampled) training rows a leaf may hold, ≥ 1.</summary>
    public int MinLeafRows { get; init; } = 50;

    /// <summary>λ, the L2 penalty on leaf values: a leaf's value is −η·G/(H + λ); ≥ 0.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>The most bins (quantile cut) a feature's values are sorted into for split finding, 2 to 256.</summary>
    public int Bins { get; init; } = 64;

    /// <summary>The share of rows drawn (without replacement) to grow each tree, in (0, 1]; 1 uses every row.</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>The seed of the row sampling: the same data, options and seed give the same model.</summary>
    public int Seed { get; init; }
}
