namespace Analytics.TestSupport.HubSpot;

/// <summary>
/// One record of a <see cref="HubSpotPortal"/>: its id, its property values by the table's property index (compact: a
/// million deals hold arrays, not dictionaries), the history of its tracked property, and whether it is archived.
/// </summary>
public sealed class PortalRecord(string id, long position)
{
    public string Id { get; } = id;

    /// <summary>Its place in the table's insertion order: list paging walks that order.</summary>
    internal long Position { get; } = position;

    internal string?[] Values { get; set; } = [];

    /// <summary>hs_lastmodifieddate in Unix milliseconds, for the search's filters and sorts.</summary>
    internal long ModifiedMs { get; set; }

    /// <summary>The tracked property's values, oldest first (the API sends them newest first).</summary>
    internal List<(string? Value, string Timestamp)>? History { get; set; }

    public bool Archived { get; internal set; }

    public string? ArchivedAt { get; internal set; }
}
