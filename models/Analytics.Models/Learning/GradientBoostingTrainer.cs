using System.Globalization;

namespace Analytics.Models.Learning;

/// <summary>
/// Fits a <see cref="GradientBoostedTreesModel"/>: gradient-boosted regression trees on the binary log-loss, with
/// second-order (Newton) leaf values and histogram split finding.
/// </summary>
/// <remarks>
/// <para>
/// The model is <c>F(x) = F_0 + Σ_t f_t(x)</c> on the log-odds scale, <c>F_0 = ln(P/N)</c> the training base rate. Tree
/// t is grown on the log-loss <c>ℓ_i = log(1 + e^F_i) − y_i F_i</c> of the current model, through its gradient and
/// hessian per row: <c>g_i = p_i − y_i</c>, <c>h_i = p_i (1 − p_i)</c>, <c>p_i = σ(F_i)</c>. A node holding rows with sums
/// <c>G = Σ g_i</c>, <c>H = Σ h_i</c> has value <c>−η·G/(H + λ)</c> (the Newton step, shrunk by the learning rate η and
/// the L2 penalty λ on leaf values), and a split into L and R gains
/// </para>
/// <code>
/// gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)
/// </code>
/// <para>
/// Splits are searched per feature over quantile bins (at most <see cref="GradientBoostingOptions.Bins"/>, cut halfway
/// between neighbouring training values): one pass over a node's rows sums G, H and the row count per (feature, bin),
/// and every "bin ≤ b" split is then scored from running sums. A node's larger child gets its histogram by subtracting
/// the smaller child's from the parent's, so each level reads only the smaller halves. A node splits while it is
/// above <see cref="GradientBoostingOptions.MaxDepth"/>, the best split has positive gain and leaves at least
/// <see cref="GradientBoostingOptions.MinLeafRows"/> rows on each side. With a subsample below 1, each tree is grown on
/// rows drawn without replacement by a generator seeded with <see cref="GradientBoostingOptions.Seed"/>; all rows'
/// <c>F</c> are then updated. Every sum is formed in a fixed order, so the same data, options and seed give the same
/// model.
/// </para>
/// <para>
/// Contributions (the path method): along the path of a row through a tree, each split moves the row from a node of
/// value <c>v_parent</c> to a child of value <c>v_child</c>; <c>v_child − v_parent</c> is credited to the split's
/// feature. The changes telescope to <c>leaf value − root value</c> per tree; after training each tree's root value
/// is moved into the model's <c>BaseLogOdds</c> (so roots are 0), hence
/// <c>BaseLogOdds + Σ_features contribution = F(x)</c>.
/// </para>
/// </remarks>
public static class GradientBoostingTrainer
{
    private const int UpdateBlockRows = 8192;

    /// <summary>Fits the model on <paramref name="rows"/> (raw feature values) and <paramref name="labels"/>.</summary>
    /// <param name="featureNames">One distinct name per column of the rows.</param>
    /// <param name="rows">Training rows of raw feature values, every value finite (missing values are not supported).</param>
    /// <param name="labels">The outcome of each row (true = positive); both outcomes must occur.</param>
    /// <param name="options">Tree count, depth, learning rate, leaf size, penalty, bins, subsample and seed.</param>
    /// <exception cref="ArgumentException">
    /// Bad input: mismatched lengths, a NaN or infinite value (the message names the row and feature), labels of one
    /// outcome only, or options out of range.
    /// </exception>
    public static GradientBoostedTreesModel Fit(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows,
        IReadOnlyList<bool> labels, GradientBoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingRows.Check(featureNames, rows, null);
        var (positives, negatives) = TrainingRows.CheckLabels(labels, rows.Count, null);
        CheckOptions(options);

        var n = rows.Count;
        var bins = FeatureBins.Build(rows, featureNames.Count, options.Bins);
        var grower = new TreeGrower(bins, options);
        var y = labels.Select(l => l ? 1.0 : 0.0).ToArray();
        var baseLogOdds = Math.Log((double)positives / negatives);
        var logOdds = Enumerable.Repeat(baseLogOdds, n).ToArray();
        var gradient = new double[n];
        var hessian = new double[n];
        var sampleSize = Math.Max(1, (int)Math.Round(n * options.Subsample));
        var permutation = Enumerable.Range(0, n).ToArray();
        var order = new int[n];
        var random = new Random(options.Seed);
        var trees = new BoostedTree[options.Trees];
        var blocks = (n + UpdateBlockRows - 1) / UpdateBlockRows;

        for (var t = 0; t < options.Trees; t++)
        {
            Parallel.For(0, blocks, b =>
            {
                for (var i = b * UpdateBlockRows; i < Math.Min(n, (b + 1) * UpdateBlockRows); i++)
                {
                    var p = Logistic.Sigmoid(logOdds[i]);
                    gradient[i] = p - y[i];
                    hessian[i] = Math.Max(p * (1 - p), 1e-16);
                }
            });

            Sample(permutation, order, sampleSize, random);
            grower.Grow(order, sampleSize, gradient, hessian);
            var nodes = grower.Nodes.ToArray();
            Parallel.For(0, blocks, b =>
            {
                for (var i = b * UpdateBlockRows; i < Math.Min(n, (b + 1) * UpdateBlockRows); i++)
                {
                    logOdds[i] += nodes[LeafOf(nodes, bins, i)].Value;
                }
            });

            trees[t] = new BoostedTree(
                [.. nodes.Select(x => x.Feature)], [.. nodes.Select(x => x.Threshold)],
                [.. nodes.Select(x => x.Left)], [.. nodes.Select(x => x.Right)], [.. nodes.Select(x => x.Value)]);
        }

        return FoldRoots([.. featureNames], baseLogOdds, trees);
    }

    /// <summary>Moves every tree's root value into the base, so each root is 0 and path contributions add up.</summary>
    private static GradientBoostedTreesModel FoldRoots(string[] featureNames, double baseLogOdds, BoostedTree[] trees)
    {
        var folded = new BoostedTree[trees.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            var root = tree.Value[0];
            baseLogOdds += root;
            folded[t] = new BoostedTree(tree.Feature, tree.Threshold, tree.Left, tree.Right, [.. tree.Value.Select(v => v - root)]);
        }

        return new GradientBoostedTreesModel(featureNames, baseLogOdds, folded);
    }

    /// <summary>The leaf of training row <paramref name="row"/>, routed by its bins (the same sides as its raw values).</summary>
    private static int LeafOf(TreeGrower.Node[] nodes, FeatureBins bins, int row)
    {
        var node = 0;
        while (nodes[node].Feature >= 0)
        {
            var split = nodes[node];
            node = bins.Columns[split.Feature][row] <= split.SplitBin ? split.Left : split.Right;
        }

        return node;
    }

    /// <summary>
    /// Writes the rows of this tree into order[0..size): all rows, or a seeded draw without replacement (a partial
    /// Fisher-Yates shuffle of a permutation kept across trees), sorted so histogram passes read memory in order.
    /// </summary>
    private static void Sample(int[] permutation, int[] order, int size, Random random)
    {
        if (size == permutation.Length)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            return;
        }

        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, permutation.Length);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        Array.Copy(permutation, order, size);
        Array.Sort(order, 0, size);
    }

    private static void CheckOptions(GradientBoostingOptions o)
    {
        static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
        string? problem = null;
        if (o.Trees < 1)
        {
            problem = $"Trees must be ≥ 1, got {o.Trees}.";
        }
        else if (o.MaxDepth is < 1 or > 16)
        {
            problem = $"MaxDepth must be 1 to 16, got {o.MaxDepth}.";
        }
        else if (!(o.LearningRate > 0 && o.LearningRate <= 1))
        {
            problem = $"LearningRate must be in (0, 1], got {Text(o.LearningRate)}.";
        }
        else if (o.MinLeafRows < 1)
        {
            problem = $"MinLeafRows must be ≥ 1, got {o.MinLeafRows}.";
        }
        else if (!(o.L2 >= 0) || !double.IsFinite(o.L2))
        {
            problem = $"L2 must be a finite number ≥ 0, got {Text(o.L2)}.";
        }
        else if (o.Bins is < 2 or > 256)
        {
            problem = $"Bins must be 2 to 256, got {o.Bins}.";
        }
        else if (!(o.Subsample > 0 && o.Subsample <= 1))
        {
            problem = $"Subsample must be in (0, 1], got {Text(o.Subsample)}.";
        }

        if (problem is not null)
        {
            throw new ArgumentException(problem, "options");
        }
    }
}
