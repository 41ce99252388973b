namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>
/// A field of another object whose <paramref name="Key"/> holds the record's Id, from its latest row by
/// <paramref name="LatestBy"/>: <c>{ object: ProcessInstance, key: TargetObjectId, field: CreatedDate, latest_by: CreatedDate }</c>.
/// </summary>
/// <param name="Object">The other object.</param>
/// <param name="Key">Its field holding the mapped record's Id.</param>
/// <param name="Field">Its field to read.</param>
/// <param name="LatestBy">Its field that orders its rows; the latest one is read.</param>
public sealed record LookupColumn(string Object, string Key, string Field, string LatestBy) : ColumnMapping
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [];

    /// <summary>The fields of <see cref="Object"/> it reads: the key, the field and the ordering field.</summary>
    public IReadOnlyList<string> ObjectPaths => [Key, Field, LatestBy];
}
