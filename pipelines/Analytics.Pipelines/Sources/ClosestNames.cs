namespace Analytics.Pipelines.Sources;

/// <summary>
/// The names a misspelt one was probably meant to be, for messages about a mapping that names a field, property or
/// object the CRM lacks (<c>analytics source check</c> of Salesforce and HubSpot).
/// </summary>
public static class ClosestNames
{
    /// <summary>Up to three of <paramref name="candidates"/> closest to <paramref name="name"/> by edit distance (case-insensitive).</summary>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates) => candidates
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
        .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
        .Take(3)
        .Select(c => c.Name)
        .ToList();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
