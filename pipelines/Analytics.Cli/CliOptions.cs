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
        Description = "The pipeline configuration file; without it, pipeline.yaml of the current folder or of the nearest folder above it.",
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

    /// <summary>An option counting something, 1 or more (<paramref name="fallback"/> when absent); anything else is refused naming the range.</summary>
    public static Option<int> Count(string name, string description, int fallback) => new(name)
    {
        Description = $"{description} (1 or more).",
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                return count;
            }

            result.AddError($"{name} takes a whole number, 1 or more, not '{text}'.");
            return fallback;
        },
    };

    /// <summary><c>--source</c>: overrides <c>source.kind</c> of pipeline.yaml.</summary>
    public static Option<SourceKind?> Source() => Choice<SourceKind>("--source", "The CRM source to read, overriding source.kind in pipeline.yaml");

    /// <summary>
    /// An option taking one of the values of <typeparamref name="TEnum"/>, written in lower case; a wrong value is
    /// refused naming the values in words (never the .NET type).
    /// </summary>
    public static Option<TEnum?> Choice<TEnum>(string name, string description)
        where TEnum : struct, Enum
    {
        var values = Enum.GetNames<TEnum>().Select(k => k.ToLowerInvariant()).ToList();
        return new Option<TEnum?>(name)
        {
            Description = $"{description}: {string.Join(", ", values)}.",
            HelpName = string.Join('|', values),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (values.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    return Enum.Parse<TEnum>(text, ignoreCase: true);
                }

                result.AddError($"{name} must be one of {string.Join(", ", values)}, not '{text}'.");
                return null;
            },
        };
    }
}
