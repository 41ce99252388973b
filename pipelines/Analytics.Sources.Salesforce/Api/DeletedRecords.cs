namespace Analytics.Sources.Salesforce.Api;

/// <summary>What the <c>sobjects/{X}/deleted</c> resource returns for a time span.</summary>
/// <param name="Records">The records deleted in the span.</param>
/// <param name="EarliestDateAvailable">The earliest deletion the org still lists (about 15 days back); before it, only a full read finds deletes.</param>
/// <param name="LatestDateCovered">The end of the span the answer covers: the next start.</param>
public sealed record DeletedRecords(IReadOnlyList<DeletedRecord> Records, DateTimeOffset EarliestDateAvailable, DateTimeOffset LatestDateCovered);
