namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>
/// Where one canonical column comes from: a property (<see cref="PropertyColumn"/>), a constant
/// (<see cref="ConstantColumn"/>), an owner's e-mail (<see cref="OwnerColumn"/>), an associated record
/// (<see cref="AssociationColumn"/>) or a deal stage through the pipelines (<see cref="StageColumn"/>).
/// </summary>
public abstract record HubSpotColumn
{
    /// <summary>The properties of the mapped object this column reads.</summary>
    public abstract IEnumerable<string> Properties { get; }
}

/// <summary>A property's value as sent; <c>id</c> is the record id.</summary>
/// <param name="Name">The property's internal name, e.g. <c>dealname</c>, or <c>id</c>.</param>
public sealed record PropertyColumn(string Name) : HubSpotColumn
{
    /// <summary>The record id, which is not a property.</summary>
    public const string Id = "id";

    /// <inheritdoc />
    public override IEnumerable<string> Properties => Name == Id ? [] : [Name];
}

/// <summary>The same text on every row, written quoted in the mapping: <c>activity_type: "'meeting'"</c>.</summary>
/// <param name="Value">The text, without its quotes.</param>
public sealed record ConstantColumn(string Value) : HubSpotColumn
{
    /// <inheritdoc />
    public override IEnumerable<string> Properties => [];
}

/// <summary>The e-mail of the owner whose id a property holds: <c>{ owner: hubspot_owner_id }</c>.</summary>
/// <param name="Property">The property holding the owner id.</param>
public sealed record OwnerColumn(string Property) : HubSpotColumn
{
    /// <inheritdoc />
    public override IEnumerable<string> Properties => [Property];
}

/// <summary>
/// The id of the record's associated <paramref name="ToType"/> record (the lowest, when several), optionally only of one
/// association type or label: <c>{ association: companies, type_id: 5 }</c> is a deal's primary company.
/// </summary>
/// <param name="ToType">The associated object type.</param>
/// <param name="TypeId">Only associations of this type id, or null.</param>
/// <param name="Label">Only associations with this label, or null.</param>
public sealed record AssociationColumn(string ToType, int? TypeId, string? Label) : HubSpotColumn
{
    /// <inheritdoc />
    public override IEnumerable<string> Properties => [];
}

/// <summary>
/// The canonical stage (or its stage_index) of the pipeline stage whose id a property holds, through the pipelines'
/// mapping onto motions: <c>{ stage: dealstage }</c>, <c>{ stage_index: dealstage }</c>. The property's history is the
/// stage history.
/// </summary>
/// <param name="Property">The property holding the stage id.</param>
/// <param name="IsIndex">True for stage_index, false for the stage name.</param>
public sealed record StageColumn(string Property, bool IsIndex) : HubSpotColumn
{
    /// <inheritdoc />
    public override IEnumerable<string> Properties => [Property];
}
