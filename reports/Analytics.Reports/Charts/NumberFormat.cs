using System.Globalization;

namespace Analytics.Reports.Charts;

/// <summary>How figures are written for people, the same in PDFs, emails and chart axes: "$1.2M", "35%", "+3.2 pp".</summary>
public static class NumberFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Money, compact: $950, $12K, $850K, $1.2M, $3.4B; negative as -$1.3M.</summary>
    public static string Money(double value)
    {
        var sign = value < 0 ? "-" : "";
        var abs = Math.Abs(value);
        return sign + (abs switch
        {
            >= 999_950_000 => "$" + Compact(abs / 1e9) + "B",
            >= 999_950 => "$" + Compact(abs / 1e6) + "M",
            >= 999.5 => "$" + Math.Round(abs / 1e3).ToString("0", Invariant) + "K",
            _ => "$" + Math.Round(abs).ToString("0", Invariant),
        });
    }

    /// <summary>A share as a percentage: 0.35 → "35%" (decimals 0) or "35.0%" (decimals 1).</summary>
    public static string Percent(double share, int decimals = 0) =>
        (share * 100).ToString("F" + decimals.ToString(Invariant), Invariant) + "%";

    /// <summary>A difference of two rates in percentage points, signed: +3.2 pp, -0.4 pp.</summary>
    public static string Points(double delta) => Sign(delta) + Math.Abs(delta).ToString("0.0", Invariant) + " pp";

    /// <summary>A duration in days: "42 d".</summary>
    public static string Days(double days) => Math.Round(days).ToString("0", Invariant) + " d";

    /// <summary>A count with thousands separators: "1,204".</summary>
    public static string Count(double value) => Math.Round(value).ToString("#,0", Invariant);

    /// <summary>A signed money difference: "+$120K", "-$1.3M", "$0".</summary>
    public static string SignedMoney(double delta) => Math.Abs(delta) < 0.5 ? "$0" : Sign(delta) + Money(Math.Abs(delta));

    /// <summary>A signed relative change: 0.042 → "+4%".</summary>
    public static string SignedPercent(double change, int decimals = 0) => Sign(change) + Percent(Math.Abs(change), decimals);

    private static string Compact(double scaled) => scaled >= 99.95
        ? Math.Round(scaled).ToString("0", Invariant)
        : scaled.ToString("0.0", Invariant);

    private static string Sign(double value) => value > 0 ? "+" : value < 0 ? "-" : "";
}
