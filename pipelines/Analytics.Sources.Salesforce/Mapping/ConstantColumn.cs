namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>The same text on every row, written quoted in the mapping: <c>activity_type: "'meeting'"</c>.</summary>
/// <param name="Value">The text, without its quotes.</param>
public sealed record ConstantColumn(string Value) : ColumnMapping
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [];
}
