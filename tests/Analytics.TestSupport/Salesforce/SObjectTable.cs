namespace Analytics.TestSupport.Salesforce;

/// <summary>
/// One sObject type's rows, compactly: an <c>object?[]</c> per row in field order plus one slot for the deleted flag, a
/// field index, and an index by Id. Rows are replaced, never changed in place, so a query's snapshot of row references
/// stays consistent while the org changes.
/// </summary>
internal sealed class SObjectTable
{
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.OrdinalIgnoreCase);

    public SObjectTable(string name, IReadOnlyList<SField> fields, bool bulkQueryable)
    {
        Name = name;
        Fields = fields;
        BulkQueryable = bulkQueryable;
        for (var i = 0; i < fields.Count; i++)
        {
            _fieldIndex.Add(fields[i].Name, i);
        }

        DeletedSlot = fields.Count;
    }

    public string Name { get; }

    public IReadOnlyList<SField> Fields { get; }

    public bool BulkQueryable { get; }

    /// <summary>The row slot holding <c>true</c> when the row is deleted (in the Recycle Bin).</summary>
    public int DeletedSlot { get; }

    /// <summary>Rows in insertion order; a purged row's slot is null.</summary>
    public List<object?[]?> Rows { get; } = [];

    public Dictionary<string, int> RowById { get; } = new(StringComparer.Ordinal);

    /// <summary>Deletions as the <c>deleted</c> resource lists them (purged rows removed).</summary>
    public List<(string Id, DateTime DeletedDate)> DeletedLog { get; } = [];

    public long LiveCount { get; set; }

    public int IndexOf(string field) => _fieldIndex.TryGetValue(field, out var index) ? index : -1;

    public SField? Field(string name) => _fieldIndex.TryGetValue(name, out var index) ? Fields[index] : null;

    /// <summary>The reference field whose relationship name is <paramref name="relationship"/> (e.g. Owner → OwnerId).</summary>
    public SField? Relationship(string relationship) =>
        Fields.FirstOrDefault(f => f.Type == SFieldType.Reference && string.Equals(f.RelationshipName, relationship, StringComparison.OrdinalIgnoreCase));

    public object?[]? Row(string id) => RowById.TryGetValue(id, out var index) ? Rows[index] : null;

    public static bool IsDeleted(object?[] row, int deletedSlot) => row[deletedSlot] is true;
}
