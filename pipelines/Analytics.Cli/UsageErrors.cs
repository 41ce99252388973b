using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Analytics.Cli;

/// <summary>
/// System.CommandLine's parse errors in words an operator can act on: an unknown command named with the commands that
/// exist, a missing command with the ones to choose from, a value of the wrong kind without .NET type names.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The lines to print for the errors of <paramref name="parsed"/>, each a sentence, the last the help hint.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var path = CommandPath(parsed.CommandResult);
        var lines = new List<string>();
        var unknown = parsed.UnmatchedTokens.FirstOrDefault();
        var choices = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (choices.Count > 0 && unknown is not null && !unknown.StartsWith('-'))
        {
            var near = Nearest(unknown, choices);
            lines.Add($"unknown command '{unknown}'{(path.Length > 0 ? $" of '{path}'" : string.Empty)}"
                + (near is null ? string.Empty : $" (did you mean '{near}'?)") + $"; the commands are: {string.Join(", ", choices)}.");
        }
        else if (choices.Count > 0 && command.Action is null && parsed.Errors.Any(e => IsMissingCommand(e.Message)))
        {
            lines.Add(path.Length == 0
                ? $"no command given; the commands are: {string.Join(", ", choices)}."
                : $"'{path}' needs a command: {string.Join(", ", choices)}.");
        }

        foreach (var error in parsed.Errors)
        {
            if (lines.Count > 0 && (IsMissingCommand(error.Message) || error.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)))
            {
                continue; // already said, in words
            }

            lines.Add(Reword(error.Message, path));
        }

        lines.Add($"Run `analytics {(path.Length > 0 ? path + " " : string.Empty)}--help` for usage.");
        return lines;
    }

    /// <summary>A parse error without .NET type names ("Cannot parse argument 'x' for option '--last' as expected type 'System.Int32'").</summary>
    public static string Reword(string message, string commandPath)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Unrecognized().Match(message) is { Success: true } word)
        {
            return $"'{word.Groups["word"].Value}' is not an option or argument of 'analytics{(commandPath.Length > 0 ? " " + commandPath : string.Empty)}'.";
        }

        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var kind = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "another value";
        return $"{match.Groups["option"].Value} takes {kind}, not '{match.Groups["value"].Value}'.";
    }

    private static bool IsMissingCommand(string message) => message.StartsWith("Required command was not provided", StringComparison.Ordinal);

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The choice within two edits of <paramref name="word"/>, or that <paramref name="word"/> starts; null when none is close.</summary>
    private static string? Nearest(string word, IReadOnlyList<string> choices) =>
        choices.Select(c => (Choice: c, Distance: c.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(word.ToLowerInvariant(), c)))
            .Where(x => x.Distance <= 2).OrderBy(x => x.Distance).Select(x => x.Choice).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    [GeneratedRegex(@"^Unrecognized command or argument '(?<word>.*)'\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();
}
