namespace Analytics.Sources.HubSpot.Mirror;

/// <summary>
/// <c>&lt;object&gt;.state.json</c>: what a mirrored object type holds and how far it has been read. A later run
/// searches again from <see cref="Bookmark"/> minus the lookback, unless something here no longer matches (then a full read).
/// </summary>
/// <param name="Object">The object type.</param>
/// <param name="Properties">The mirrored properties.</param>
/// <param name="HistoryProperty">The property whose history is mirrored, or null.</param>
/// <param name="ApiPrefix">The objects' path prefix it was read with.</param>
/// <param name="Bookmark">The start of the run that read it: changes since then are not in the mirror yet.</param>
/// <param name="ReadAt">When the read ended.</param>
/// <param name="HowRead">How: <c>full (list): first read</c>, <c>incremental (search): 12 changed, 1 archived</c>.</param>
/// <param name="Rows">Records in the mirror after the read.</param>
internal sealed record HubSpotMirrorState(
    string Object,
    IReadOnlyList<string> Properties,
    string? HistoryProperty,
    string ApiPrefix,
    DateTimeOffset Bookmark,
    DateTimeOffset ReadAt,
    string HowRead,
    long Rows);
