namespace Analytics.Sources.Demo;

/// <summary>
/// The generator's only source of randomness: a <see cref="Random"/> with an explicit seed plus the distributions
/// the demo needs. Each account, the partner roster and the sales team draw from their own stream, derived from
/// (seed, stream, index), so one account's life does not depend on how many draws another made.
/// </summary>
internal sealed class DemoRandom
{
    private readonly Random _random;

    public DemoRandom(int seed) => _random = new Random(seed);

    /// <summary>Creates the stream for <paramref name="index"/> within <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static DemoRandom For(int seed, DemoStream stream, long index) => new(DeriveSeed(seed, stream, index));

    public double NextDouble() => _random.NextDouble();

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    /// <summary>An exponential draw with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal draw given its median and the standard deviation of its logarithm.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>A Poisson count (Knuth's method; the demo's means are small).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    /// <summary>Returns an index drawn with the given (unnormalised) weights.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int DeriveSeed(int seed, DemoStream stream, long index)
    {
        // SplitMix64 finaliser over the three inputs: neighbouring indices give unrelated seeds.
        var x = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream << 56) ^ (ulong)index);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
    }
}
