namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>
/// <c>&lt;unit&gt;.state.json</c>: what a mirrored object holds and how far it has been read. A later run reads again
/// from <see cref="Bookmark"/> minus the lookback, unless something here no longer matches (then a full read).
/// </summary>
/// <param name="Object">The sObject.</param>
/// <param name="Where">The mapping's filter, or null.</param>
/// <param name="CursorField">SystemModstamp, LastModifiedDate or CreatedDate; null when the object has none (always a full read).</param>
/// <param name="Bookmark">The start of the run that read it (never later): rows changed since then are not in the mirror yet.</param>
/// <param name="Fields">The mirrored field paths, Id first.</param>
/// <param name="ApiVersion">The API version it was read with.</param>
/// <param name="ReadAt">When the read ended.</param>
/// <param name="HowRead">How: <c>full (REST): first read</c>, <c>incremental (Bulk): 12 changed, 1 deleted</c>, ...</param>
/// <param name="Rows">Rows in the mirror after the read.</param>
internal sealed record MirrorState(
    string Object,
    string? Where,
    string? CursorField,
    DateTimeOffset Bookmark,
    IReadOnlyList<string> Fields,
    string ApiVersion,
    DateTimeOffset ReadAt,
    string HowRead,
    long Rows);
