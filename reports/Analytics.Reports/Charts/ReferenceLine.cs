namespace Analytics.Reports.Charts;

/// <summary>A horizontal (or, on horizontal bars, vertical) line marking a benchmark, e.g. the 35 % win-rate target.</summary>
/// <param name="Value">Where the line is, in the chart's units.</param>
/// <param name="Label">The text beside it, e.g. "Benchmark 35%".</param>
public sealed record ReferenceLine(double Value, string Label);
