using System.Globalization;

namespace Analytics.Benchmarks;

/// <summary>Reads <c>--name value</c> options of a benchmark's arguments.</summary>
internal static class BenchmarkArguments
{
    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
