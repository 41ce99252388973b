namespace Analytics.Sources.HubSpot;

/// <summary>The outcome of <c>analytics source check</c> for HubSpot: per object type, the pipelines' mapping, the owners.</summary>
/// <param name="Description">Which portal and prefix was checked (never the token).</param>
/// <param name="Objects">Per mapped object type, in first-use order.</param>
/// <param name="Stages">Pipeline stages mapped onto a motion's stage, of all stages.</param>
/// <param name="StageCount">Pipeline stages in all.</param>
/// <param name="PipelineGaps">Pipelines without a motion and stages without a stage of it, one line each.</param>
/// <param name="Owners">Owners read, or null when they could not be (a missing scope).</param>
/// <param name="Requests">API calls the check made.</param>
public sealed record HubSpotSourceCheckReport(
    string Description,
    IReadOnlyList<HubSpotObjectCheck> Objects,
    int Stages,
    int StageCount,
    IReadOnlyList<string> PipelineGaps,
    long? Owners,
    long Requests)
{
    /// <summary>Whether the mapping can work against this portal: every object readable with every property, every stage mapped, owners readable.</summary>
    public bool CanWork => Objects.All(o => o.CanWork) && PipelineGaps.Count == 0 && Owners is not null;
}

/// <summary>What the check found for one object type.</summary>
/// <param name="Object">The object type.</param>
/// <param name="Entities">The canonical entities it feeds.</param>
/// <param name="PropertiesFound">The mapped properties the portal has.</param>
/// <param name="PropertiesMissing">The mapped properties it lacks, each with the closest names.</param>
/// <param name="RecordCount">Live records (the search's total), or null when they could not be counted.</param>
/// <param name="MissingScopes">Scopes the token lacks for this object, from 403 MISSING_SCOPES.</param>
/// <param name="Problem">Why it cannot be read (no such object type, a missing scope), or null.</param>
public sealed record HubSpotObjectCheck(
    string Object,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> PropertiesFound,
    IReadOnlyList<MissingProperty> PropertiesMissing,
    long? RecordCount,
    IReadOnlyList<string> MissingScopes,
    string? Problem)
{
    /// <summary>Whether this object can be read as mapped.</summary>
    public bool CanWork => PropertiesMissing.Count == 0 && Problem is null;
}

/// <summary>A mapped property the object type lacks, with up to three of its properties closest by name.</summary>
public sealed record MissingProperty(string Name, IReadOnlyList<string> Closest);
