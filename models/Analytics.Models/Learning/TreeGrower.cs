namespace Analytics.Models.Learning;

/// <summary>
/// Grows one regression tree on gradients and hessians by histogram split finding (the method is described on
/// <see cref="GradientBoostingTrainer"/>). Reuses its buffers from tree to tree: one histogram per depth, because a
/// node's larger child takes over its parent's histogram (parent minus smaller child) and the smaller child's subtree
/// is grown first, only ever touching deeper buffers.
/// </summary>
internal sealed class TreeGrower
{
    private const int ParallelRows = 4096;

    private readonly FeatureBins _bins;
    private readonly GradientBoostingOptions _options;
    private readonly int _features;
    private readonly int _stride;
    private readonly double[][] _histograms;
    private readonly List<Node> _nodes = [];
    private double[] _gradient = [];
    private double[] _hessian = [];
    private int[] _order = [];

    public TreeGrower(FeatureBins bins, GradientBoostingOptions options)
    {
        _bins = bins;
        _options = options;
        _features = bins.Columns.Length;
        _stride = options.Bins;
        _histograms = new double[options.MaxDepth + 1][];
        for (var d = 0; d < _histograms.Length; d++)
        {
            _histograms[d] = new double[_features * _stride * 3];
        }
    }

    /// <summary>A node while growing: its split as a bin (for routing binned rows) and as a threshold (for scoring).</summary>
    public record struct Node(int Feature, int SplitBin, double Threshold, int Left, int Right, double Value);

    /// <summary>The nodes of the tree last grown, root first; children after parents.</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>
    /// Grows a tree on the rows <paramref name="order"/>[0..<paramref name="count"/>) (reordered in place), with the
    /// given per-row gradients and hessians.
    /// </summary>
    public void Grow(int[] order, int count, double[] gradient, double[] hessian)
    {
        _order = order;
        _gradient = gradient;
        _hessian = hessian;
        _nodes.Clear();
        var root = _histograms[0];
        BuildHistogram(0, count, root);
        var (g, h) = (0.0, 0.0);
        for (var b = 0; b < _stride; b++)
        {
            g += root[b * 3];
            h += root[(b * 3) + 1];
        }

        Grow(0, count, 0, root, g, h);
    }

    /// <summary>Grows the subtree of rows order[start..end) whose histogram is in <paramref name="histogram"/>.</summary>
    private int Grow(int start, int end, int depth, double[] histogram, double g, double h)
    {
        var index = _nodes.Count;
        _nodes.Add(new Node(-1, -1, 0, -1, -1, -_options.LearningRate * g / (h + _options.L2)));
        if (depth >= _options.MaxDepth || end - start < 2 * _options.MinLeafRows)
        {
            return index;
        }

        var split = BestSplit(histogram, g, h, end - start);
        if (split.Feature < 0)
        {
            return index;
        }

        var middle = Partition(start, end, split.Feature, split.Bin);
        var leftIsSmaller = middle - start <= end - middle;
        var small = _histograms[depth + 1];
        if (leftIsSmaller)
        {
            BuildHistogram(start, middle, small);
        }
        else
        {
            BuildHistogram(middle, end, small);
        }

        for (var k = 0; k < histogram.Length; k++)
        {
            histogram[k] -= small[k];
        }

        var (gRight, hRight) = (g - split.LeftGradient, h - split.LeftHessian);
        int left, right;
        if (leftIsSmaller)
        {
            left = Grow(start, middle, depth + 1, small, split.LeftGradient, split.LeftHessian);
            right = Grow(middle, end, depth + 1, histogram, gRight, hRight);
        }
        else
        {
            right = Grow(middle, end, depth + 1, small, gRight, hRight);
            left = Grow(start, middle, depth + 1, histogram, split.LeftGradient, split.LeftHessian);
        }

        var threshold = _bins.Cuts[split.Feature][split.Bin];
        _nodes[index] = _nodes[index] with { Feature = split.Feature, SplitBin = split.Bin, Threshold = threshold, Left = left, Right = right };
        return index;
    }

    private readonly record struct Split(int Feature, int Bin, double LeftGradient, double LeftHessian);

    /// <summary>
    /// The split of largest gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) with at least MinLeafRows rows each side;
    /// ties go to the lower feature, then the lower bin. Feature −1 when no split gains.
    /// </summary>
    private Split BestSplit(double[] histogram, double g, double h, int rows)
    {
        var lambda = _options.L2;
        var minRows = _options.MinLeafRows;
        var parent = g * g / (h + lambda);
        var best = new Split(-1, -1, 0, 0);
        var bestGain = 1e-12 * Math.Max(1.0, parent); // below this a "gain" is rounding noise
        for (var f = 0; f < _features; f++)
        {
            var cuts = _bins.Cuts[f].Length;
            var offset = f * _stride * 3;
            double gLeft = 0, hLeft = 0, nLeft = 0;
            for (var b = 0; b < cuts; b++)
            {
                gLeft += histogram[offset + (b * 3)];
                hLeft += histogram[offset + (b * 3) + 1];
                nLeft += histogram[offset + (b * 3) + 2];
                if (nLeft < minRows)
                {
                    continue;
                }

                if (rows - nLeft < minRows)
                {
                    break;
                }

                var gRight = g - gLeft;
                var hRight = h - hLeft;
                var gain = (gLeft * gLeft / (hLeft + lambda)) + (gRight * gRight / (hRight + lambda)) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = new Split(f, b, gLeft, hLeft);
                }
            }
        }

        return best;
    }

    /// <summary>Reorders order[start..end) so rows whose bin is ≤ <paramref name="bin"/> come first; returns where the rest start.</summary>
    private int Partition(int start, int end, int feature, int bin)
    {
        var column = _bins.Columns[feature];
        var order = _order;
        int i = start, j = end - 1;
        while (i <= j)
        {
            if (column[order[i]] <= bin)
            {
                i++;
            }
            else
            {
                (order[i], order[j]) = (order[j], order[i]);
                j--;
            }
        }

        return i;
    }

    /// <summary>Sums gradient, hessian and row count per (feature, bin) over order[start..end).</summary>
    private void BuildHistogram(int start, int end, double[] histogram)
    {
        Array.Clear(histogram);
        if (end - start >= ParallelRows)
        {
            Parallel.For(0, _features, f => AddFeature(f, start, end, histogram));
        }
        else
        {
            for (var f = 0; f < _features; f++)
            {
                AddFeature(f, start, end, histogram);
            }
        }
    }

    private void AddFeature(int feature, int start, int end, double[] histogram)
    {
        var column = _bins.Columns[feature];
        var slice = histogram.AsSpan(feature * _stride * 3, _stride * 3);
        var order = _order;
        var gradient = _gradient;
        var hessian = _hessian;
        for (var i = start; i < end; i++)
        {
            var row = order[i];
            var at = column[row] * 3;
            slice[at] += gradient[row];
            slice[at + 1] += hessian[row];
            slice[at + 2] += 1;
        }
    }
}
