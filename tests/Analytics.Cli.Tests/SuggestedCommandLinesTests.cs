using System.CommandLine;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Diagnostics;
using Analytics.TestSupport.Files;
using Spectre.Console;

namespace Analytics.Cli.Tests;

/// <summary>
/// Every command line a message of the product suggests ("land it first: analytics extract --date ...", "analytics
/// transform --as-of ...") parses against the real command tree: no renamed command or option left behind in a
/// message (issue 21: `email weekly` advised `transform --date`, an option that does not exist).
/// </summary>
public sealed partial class SuggestedCommandLinesTests
{
    private static readonly string[] ProductFolders = ["pipelines", "models", "reports"];

    [Fact]
    public void Every_command_line_a_message_suggests_parses()
    {
        var root = Root();
        var checkedLines = new List<string>();
        var failures = new List<string>();
        foreach (var (file, line) in StringLiteralLines())
        {
            foreach (Match suggestion in Suggestion().Matches(line))
            {
                var args = Arguments(root, suggestion.Groups["line"].Value);
                if (args is null)
                {
                    continue; // prose: "analytics" followed by no command name
                }

                var parsed = root.Parse(args);
                checkedLines.Add(string.Join(' ', args));
                if (parsed.Errors.Count > 0)
                {
                    failures.Add($"{Path.GetRelativePath(RepositoryFolder.Root, file)}: `analytics {string.Join(' ', args)}`: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(checkedLines, l => l.StartsWith("status", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_lines_the_stages_below_the_cli_advise_parse_with_the_options_they_name()
    {
        var root = Root();
        var day = new DateOnly(2026, 11, 22);

        foreach (var line in new[] { SuggestedCommands.Extract(day), SuggestedCommands.TransformAsOf(day) })
        {
            var parsed = root.Parse(line["analytics ".Length..].Split(' '));
            Assert.True(parsed.Errors.Count == 0, $"{line}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }

        Assert.Equal("analytics transform --as-of 2026-11-22", SuggestedCommands.TransformAsOf(day)); // what the weekly email advises for another week
    }

    private static RootCommand Root() =>
        CliApplication.Create(TimeProvider.System, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) })).Root;

    /// <summary>
    /// The words of a suggestion that belong to the command line: command names as deep as the tree goes, then options
    /// and their values; interpolation holes become sample values. Null when the first word is no command.
    /// </summary>
    private static string[]? Arguments(RootCommand root, string text)
    {
        var words = Hole().Replace(text, m => m.Value.Contains("yyyy-MM-dd", StringComparison.Ordinal) || m.Value.Contains("Sunday", StringComparison.Ordinal) ? "2026-11-22"
            : m.Value.Contains("week", StringComparison.OrdinalIgnoreCase) ? "2026-W47" : "x").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Command command = root;
        var args = new List<string>();
        var i = 0;
        for (; i < words.Length && command.Subcommands.FirstOrDefault(c => c.Name == words[i]) is { } sub; i++)
        {
            command = sub;
            args.Add(words[i]);
        }

        if (args.Count == 0)
        {
            return null;
        }

        for (; i < words.Length && words[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            args.Add(words[i]);
            var takesValue = command.Options.Concat(root.Options).FirstOrDefault(o => o.Name == words[i] || o.Aliases.Contains(words[i])) is { } option
                && option.ValueType != typeof(bool);
            if (takesValue && i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                args.Add(words[++i]);
            }
        }

        return args.ToArray();
    }

    /// <summary>The lines of the product's C# sources that hold a string literal (comments left out).</summary>
    private static IEnumerable<(string File, string Line)> StringLiteralLines() =>
        ProductFolders.SelectMany(folder => Directory.EnumerateFiles(RepositoryFolder.Combine(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select(line => (f, line.Trim())))
            .Where(x => !x.Item2.StartsWith("//", StringComparison.Ordinal) && x.Item2.Contains('"', StringComparison.Ordinal));

    [GeneratedRegex(@"analytics (?<line>[a-z][a-z-]*(?: [a-z][a-z-]*)?(?: --[a-z][a-z-]*(?: (?:\{[^}]*\}|[\w:.-]+))?)*)")]
    private static partial Regex Suggestion();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Hole();
}
