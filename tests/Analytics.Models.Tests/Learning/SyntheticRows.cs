namespace Analytics.Models.Tests.Learning;

/// <summary>Seeded generated training sets for learner tests whose truth is known by construction.</summary>
internal static class SyntheticRows
{
    /// <summary>
    /// Rows of independent standard normal features with labels drawn from the logistic model
    /// <c>log-odds = intercept + Σ coefficients[j]·x_j</c>.
    /// </summary>
    public static (List<double[]> Rows, List<bool> Labels) Logistic(int count, double intercept, double[] coefficients, int seed)
    {
        var random = new Random(seed);
        var rows = new List<double[]>(count);
        var labels = new List<bool>(count);
        for (var i = 0; i < count; i++)
        {
            var row = new double[coefficients.Length];
            var eta = intercept;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = Normal(random);
                eta += coefficients[j] * row[j];
            }

            rows.Add(row);
            labels.Add(random.NextDouble() < 1.0 / (1.0 + Math.Exp(-eta)));
        }

        return (rows, labels);
    }

    /// <summary>
    /// Rows of <paramref name="features"/> uniform [0, 1) features where the label is x1 &gt; 0.5 XOR x2 &gt; 0.5 (no
    /// noise); the other features are irrelevant. No straight line separates the classes.
    /// </summary>
    public static (List<double[]> Rows, List<bool> Labels) Xor(int count, int features, int seed)
    {
        var random = new Random(seed);
        var rows = new List<double[]>(count);
        var labels = new List<bool>(count);
        for (var i = 0; i < count; i++)
        {
            var row = new double[features];
            for (var j = 0; j < features; j++)
            {
                row[j] = random.NextDouble();
            }

            rows.Add(row);
            labels.Add(row[0] > 0.5 ^ row[1] > 0.5);
        }

        return (rows, labels);
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
