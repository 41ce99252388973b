using YamlDotNet.Core;

namespace Analytics.Pipelines.Configuration;

/// <summary>
/// A YAML parse failure as a configuration error naming the real place. YamlDotNet reports a tab used for indentation
/// at the start of the mapping or scalar it was scanning (often line 1), so the tab itself is looked up in the text.
/// </summary>
public static class YamlSyntaxError
{
    /// <summary>The error for <paramref name="failure"/>, raised while reading <paramref name="yaml"/> from <paramref name="file"/>.</summary>
    public static ConfigurationException From(string file, string yaml, YamlException failure)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(failure);
        var reason = failure.InnerException?.Message ?? failure.Message;
        if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(yaml, (int)failure.Start.Line) is { } tab)
        {
            return new ConfigurationException(
                $"{file}:{tab.Line}:{tab.Column}: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.");
        }

        return new ConfigurationException($"{file}:{failure.Start.Line}: not valid YAML: {reason}");
    }

    /// <summary>The first tab in a line's leading blanks, on or after line <paramref name="fromLine"/> (1-based); null when there is none.</summary>
    private static (int Line, int Column)? IndentingTab(string yaml, int fromLine)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && (line[c] == ' ' || line[c] == '\t'); c++)
            {
                if (line[c] == '\t')
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }
}
