using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Analytics.Benchmarks;

/// <summary>
/// A benchmark command run as a child process of this one (a contract server, or one extract whose peak resident
/// memory must be its own), and the RESULT / PHASES lines an extract child prints.
/// </summary>
internal static class ExtractProcess
{
    /// <summary>
    /// Runs the extract command <paramref name="arguments"/> in its own process (with <paramref name="environment"/> added to
    /// its environment), echoes its output, and reads its RESULT and PHASES lines; null when it failed.
    /// </summary>
    public static async Task<(double Seconds, double PeakMiB, string Rows, string Phases)?> RunAsync(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var extract = Start(arguments, environment);
        var errors = extract.StandardError.ReadToEndAsync();
        string? result = null;
        string? phases = null;
        while (await extract.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"  extract: {line}");
            if (line.StartsWith("PHASES ", StringComparison.Ordinal))
            {
                phases = line;
            }

            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = line;
            }
        }

        await extract.WaitForExitAsync();
        if (extract.ExitCode != 0 || result is null)
        {
            Console.Error.WriteLine($"the extract process failed (exit {extract.ExitCode}): {await errors}");
            return null;
        }

        return (double.Parse(Regex.Match(result, @"seconds=(\S+)").Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(Regex.Match(result, @"peak_mib=(\S+)").Groups[1].Value, CultureInfo.InvariantCulture),
            Regex.Match(result, @"rows=(.*)$").Groups[1].Value, phases ?? string.Empty);
    }

    /// <summary>Prints one line per size (seconds, peak memory, rows, phases), then the ratio of the largest to the smallest.</summary>
    public static void PrintSummary(IReadOnlyList<(long Size, double Seconds, double PeakMiB, string Rows, string Phases)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Console.WriteLine();
        foreach (var (size, seconds, peak, rows, phases) in results)
        {
            Console.WriteLine($"{size,12:N0} opportunities: {seconds,7:F1} s, peak resident {peak,7:N0} MiB ({rows})");
            Console.WriteLine($"{string.Empty,12}  {phases}");
        }

        if (results.Count >= 2)
        {
            var (small, large) = (results[0], results[^1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio {large.Size / (double)small.Size:F0}x the opportunities: time x{large.Seconds / small.Seconds:F2}, peak memory x{large.PeakMiB / small.PeakMiB:F2}"));
        }
    }

    /// <summary>Starts this benchmark program again with <paramref name="arguments"/>, its output redirected.</summary>
    public static Process Start(params string[] arguments) => Start(arguments, null);

    /// <summary>Reads <paramref name="reader"/> to its end, discarding it (a child must never block on a full pipe).</summary>
    public static async Task DrainAsync(StreamReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    private static Process Start(string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {self}");
    }
}
