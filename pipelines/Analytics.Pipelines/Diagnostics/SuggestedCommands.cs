using System.Globalization;

namespace Analytics.Pipelines.Diagnostics;

/// <summary>
/// The command lines messages advise, for the stages below the CLI that cannot see its command definitions: the option
/// names are defined here once, and the CLI defines its options with these same constants, so a renamed option
/// cannot leave a message advising the old one (issue 21: <c>transform --date</c> advised, <c>--as-of</c> real).
/// </summary>
public static class SuggestedCommands
{
    /// <summary><c>--date</c> of <c>extract</c> (and <c>run</c>): the snapshot date.</summary>
    public const string DateOption = "--date";

    /// <summary><c>--as-of</c> of <c>transform</c>: build from the latest snapshot on or before this date.</summary>
    public const string AsOfOption = "--as-of";

    /// <summary><c>analytics extract --date D</c>: lands the snapshot of <paramref name="date"/>.</summary>
    public static string Extract(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"analytics extract {DateOption} {date:yyyy-MM-dd}");

    /// <summary><c>analytics transform --as-of D</c>: builds the warehouse as it stood on <paramref name="date"/>.</summary>
    public static string TransformAsOf(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"analytics transform {AsOfOption} {date:yyyy-MM-dd}");
}
