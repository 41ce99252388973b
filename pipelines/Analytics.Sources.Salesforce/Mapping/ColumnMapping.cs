namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>
/// Where one canonical column comes from: a field path (<see cref="FieldColumn"/>), a constant
/// (<see cref="ConstantColumn"/>) or the latest row of another object pointing at the record (<see cref="LookupColumn"/>).
/// </summary>
public abstract record ColumnMapping
{
    /// <summary>The field paths of the mapped object this column reads (for a lookup, none: it reads another object).</summary>
    public abstract IEnumerable<string> Paths { get; }
}
