namespace Analytics.Sources.Salesforce;

/// <summary>What <see cref="SourceCheck"/> found for one sObject of an entity's mapping.</summary>
/// <param name="SObject">The sObject's API name.</param>
/// <param name="Exists">Whether the org has it (and it is queryable).</param>
/// <param name="FieldsFound">The mapped field paths the org has.</param>
/// <param name="FieldsMissing">The mapped field paths it lacks, each with the closest names.</param>
/// <param name="RecordCount">Rows matching the mapping's filter, or null when it could not be counted.</param>
/// <param name="UsesBulk">Whether a full read would use Bulk 2.0 (count above the threshold).</param>
/// <param name="Problem">Why the object cannot be read (missing, filter refused), or null.</param>
public sealed record ObjectCheck(
    string SObject,
    bool Exists,
    IReadOnlyList<string> FieldsFound,
    IReadOnlyList<MissingField> FieldsMissing,
    long? RecordCount,
    bool UsesBulk,
    string? Problem)
{
    /// <summary>Whether this object can be read as mapped.</summary>
    public bool CanWork => Exists && FieldsMissing.Count == 0 && Problem is null;
}
