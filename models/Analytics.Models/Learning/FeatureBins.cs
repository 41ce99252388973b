namespace Analytics.Models.Learning;

/// <summary>
/// Training rows sorted into per-feature bins for histogram split finding. A feature with few distinct values gets a
/// bin per value; otherwise cut points sit at quantiles of its training values. Bin <c>b</c> holds values in
/// <c>(Cuts[b−1], Cuts[b]]</c>, so "bin ≤ b" is exactly "value ≤ Cuts[b]", the threshold a split at <c>b</c> keeps.
/// Cut points lie halfway between neighbouring distinct training values.
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(double[][] cuts, byte[][] columns)
    {
        Cuts = cuts;
        Columns = columns;
    }

    /// <summary>Per feature, its ascending cut points (one fewer than its bins; empty for a constant feature).</summary>
    public double[][] Cuts { get; }

    /// <summary>Per feature, each row's bin.</summary>
    public byte[][] Columns { get; }

    /// <summary>Bins every feature of <paramref name="rows"/> into at most <paramref name="bins"/> bins.</summary>
    public static FeatureBins Build(IReadOnlyList<double[]> rows, int features, int bins)
    {
        var cuts = new double[features][];
        var columns = new byte[features][];
        Parallel.For(0, features, f =>
        {
            var values = new double[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = rows[i][f];
            }

            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            cuts[f] = CutPoints(sorted, bins);
            var column = new byte[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                column[i] = (byte)BinOf(cuts[f], values[i]);
            }

            columns[f] = column;
        });
        return new FeatureBins(cuts, columns);
    }

    /// <summary>The bin of <paramref name="value"/>: the first cut it does not exceed, or past the last cut.</summary>
    public static int BinOf(double[] cuts, double value)
    {
        var index = Array.BinarySearch(cuts, value);
        return index >= 0 ? index : ~index;
    }

    private static double[] CutPoints(double[] sorted, int bins)
    {
        var distinct = new List<double>();
        foreach (var v in sorted)
        {
            if (distinct.Count == 0 || v != distinct[^1])
            {
                distinct.Add(v);
            }
        }

        var cuts = new List<double>();
        if (distinct.Count <= bins)
        {
            for (var k = 1; k < distinct.Count; k++)
            {
                cuts.Add(Between(distinct[k - 1], distinct[k]));
            }

            return [.. cuts];
        }

        // Quantile cuts: after the value at rank ⌈k·n/bins⌉ − 1, halfway to the next distinct value.
        var n = (long)sorted.Length;
        var next = 0; // index into distinct of the value at the current rank
        for (var k = 1; k < bins; k++)
        {
            var value = sorted[(int)(k * n / bins) - 1];
            while (distinct[next] < value)
            {
                next++;
            }

            if (next + 1 < distinct.Count)
            {
                var cut = Between(distinct[next], distinct[next + 1]);
                if (cuts.Count == 0 || cut > cuts[^1])
                {
                    cuts.Add(cut);
                }
            }
        }

        return [.. cuts];
    }

    /// <summary>A value in [a, b) that keeps a on its left and b on its right.</summary>
    private static double Between(double a, double b)
    {
        var middle = a + ((b - a) / 2);
        return middle < b ? middle : a;
    }
}
