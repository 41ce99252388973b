using System.Collections.Concurrent;

namespace Analytics.Models.Scoring;

/// <summary>The models' SQL, embedded from the <c>.sql</c> files beside the code that runs it (read once, then cached).</summary>
public static class EmbeddedSql
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>&lt;name&gt;.sql</c> in the folder (namespace) of <paramref name="neighbour"/>.</summary>
    public static string Read(Type neighbour, string name) => Cache.GetOrAdd($"{neighbour.Namespace}.{name}.sql", static resource =>
    {
        var assembly = typeof(EmbeddedSql).Assembly;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded SQL {resource} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
