using System.Globalization;

namespace Analytics.Benchmarks;

/// <summary>
/// The demo CRM a standalone contract server is seeded from: <c>--date</c> (default 2026-11-21) and either
/// <c>--opportunities N</c> (the scale that yields at least N opportunities; the seeder caps them at exactly N) or
/// <c>--scale</c> (default 0.05).
/// </summary>
internal static class DemoSeedArguments
{
    /// <summary>Opportunities the demo CRM holds per unit of scale as of 2026-11-21 (docs/benchmarks.md: 941,210 at 41.7), rounded down.</summary>
    private const double OpportunitiesPerScale = 22_500;

    public static (DateOnly Date, long? Opportunities, double Scale) Read(string[] args)
    {
        var date = DateOnly.ParseExact(BenchmarkArguments.Value(args, "--date") ?? "2026-11-21", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var opportunities = BenchmarkArguments.Value(args, "--opportunities") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : (long?)null;
        var scale = opportunities is { } count
            ? ScaleFor(count)
            : double.Parse(BenchmarkArguments.Value(args, "--scale") ?? "0.05", CultureInfo.InvariantCulture);
        return (date, opportunities, scale);
    }

    /// <summary>The demo scale that yields at least <paramref name="opportunities"/> opportunities (5 % to spare; at most 100).</summary>
    public static double ScaleFor(long opportunities) => Math.Min(100, Math.Ceiling(opportunities / OpportunitiesPerScale * 1.05 * 100) / 100);
}
