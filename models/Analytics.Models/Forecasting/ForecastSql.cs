using System.Collections.Concurrent;

namespace Analytics.Models.Forecasting;

/// <summary>The forecast's SQL, embedded from the .sql files beside this one.</summary>
internal static class ForecastSql
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Forecasting/&lt;name&gt;.sql</c>.</summary>
    public static string Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        var resource = $"{typeof(ForecastSql).Namespace}.{n}.sql";
        using var stream = typeof(ForecastSql).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded SQL {resource} is missing from {typeof(ForecastSql).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
