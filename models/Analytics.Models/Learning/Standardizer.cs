namespace Analytics.Models.Learning;

/// <summary>
/// Centres and scales features: <c>z_j = (x_j − Means[j]) / Scales[j]</c>, with the mean and the (population, optionally
/// weighted) standard deviation of each feature over the training rows. A feature that never varies in training gets
/// scale 1, so its <c>z</c> is 0 on every training row and any other value still maps to a finite number.
/// </summary>
/// <param name="Means">The training mean of each feature, in feature order.</param>
/// <param name="Scales">The training standard deviation of each feature (1 where it was 0), in feature order.</param>
public sealed record Standardizer(double[] Means, double[] Scales)
{
    /// <summary>
    /// Fits the means and scales on <paramref name="rows"/>, each weighted by <paramref name="weights"/> when given.
    /// </summary>
    /// <param name="rows">Training rows, all of the same length, every value finite.</param>
    /// <param name="weights">Optional non-negative weight per row, not all zero.</param>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, a non-finite value, or bad weights.</exception>
    public static Standardizer Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Cannot standardise zero rows.", nameof(rows));
        }

        var count = rows[0].Length;
        var names = Enumerable.Range(0, count).Select(j => $"feature {j}").ToArray();
        TrainingRows.Check(names, rows, weights);
        return Fit(rows, weights, count);
    }

    /// <summary>Fits on rows already checked (lengths, finite values, weights).</summary>
    internal static Standardizer Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double>? weights, int count)
    {
        var means = new double[count];
        var scales = new double[count];
        var total = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var w = weights?[i] ?? 1.0;
            total += w;
            var row = rows[i];
            for (var j = 0; j < count; j++)
            {
                means[j] += w * row[j];
            }
        }

        for (var j = 0; j < count; j++)
        {
            means[j] /= total;
        }

        // Second pass over the centred values: the one-pass formula loses digits when the mean is large.
        for (var i = 0; i < rows.Count; i++)
        {
            var w = weights?[i] ?? 1.0;
            var row = rows[i];
            for (var j = 0; j < count; j++)
            {
                var d = row[j] - means[j];
                scales[j] += w * d * d;
            }
        }

        for (var j = 0; j < count; j++)
        {
            var sd = Math.Sqrt(scales[j] / total);
            // Below ~1e-12 of the mean's size the spread is rounding noise, not variation.
            scales[j] = sd > 1e-12 * Math.Max(1.0, Math.Abs(means[j])) ? sd : 1.0;
        }

        return new Standardizer(means, scales);
    }

    /// <summary>Writes the standardised values of <paramref name="raw"/> into <paramref name="z"/>. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">Either span's length is not the number of features.</exception>
    public void Transform(ReadOnlySpan<double> raw, Span<double> z)
    {
        if (raw.Length != Means.Length || z.Length != Means.Length)
        {
            throw new ArgumentException($"Expected {Means.Length} features in and out, got {raw.Length} in and {z.Length} out.");
        }

        var means = Means;
        var scales = Scales;
        for (var j = 0; j < means.Length; j++)
        {
            z[j] = (raw[j] - means[j]) / scales[j];
        }
    }
}
