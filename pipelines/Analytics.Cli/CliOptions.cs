using System.CommandLine;
using System.Globalization;
using Analytics.Pipelines.Configuration;

namespace Analytics.Cli;

/// <summary>Options several commands share, defined once.</summary>
internal static class CliOptions
{
    /// <summary><c>--config</c>: the pipeline configuration file.</summary>
    public static Option<string> Config() => new("--config", "-c")
    {
        Description = "The pipeline configuration file.",
        DefaultValueFactory = _ => PipelineConfigLoader.DefaultFileName,
        Recursive = true,
    };

    /// <summary>A date option written yyyy-MM-dd.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} must be a date written yyyy-MM-dd, not '{text}'.");
            return null;
        },
    };

    /// <summary><c>--source</c>: overrides <c>source.kind</c> of pipeline.yaml.</summary>
    public static Option<SourceKind?> Source() => new("--source")
    {
        Description = "The CRM source to read, overriding source.kind in pipeline.yaml: demo, files, salesforce or hubspot.",
        HelpName = "demo|files|salesforce|hubspot",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            var kinds = Enum.GetNames<SourceKind>().Select(k => k.ToLowerInvariant()).ToList();
            if (kinds.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return Enum.Parse<SourceKind>(text, ignoreCase: true);
            }

            result.AddError($"--source must be one of {string.Join(", ", kinds)}, not '{text}'.");
            return null;
        },
    };
}
