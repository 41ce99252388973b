namespace Analytics.Sources.Demo;

/// <summary><c>source.demo</c>: the generator's seed and scale.</summary>
/// <param name="Seed">Random seed: the same seed gives byte-identical snapshots.</param>
/// <param name="Scale">Size multiplier: 1 is about 24,000 opportunities, 41.7 about 1,000,000.</param>
/// <param name="HistoryEnd">The last day the demo CRM creates anything; it was live for 36 months before it.</param>
public sealed record DemoSourceConfig(int Seed, double Scale, DateOnly HistoryEnd);
