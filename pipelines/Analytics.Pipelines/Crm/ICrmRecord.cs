namespace Analytics.Pipelines.Crm;

/// <summary>A row of one canonical CRM entity.</summary>
public interface ICrmRecord
{
    /// <summary>The schema of the entity this record belongs to.</summary>
    EntitySchema Schema { get; }

    /// <summary>
    /// Writes this record's values to <paramref name="writer"/>: one call per column of <see cref="Schema"/>, in
    /// column order, with the method matching the column's <see cref="CrmColumnType"/>.
    /// </summary>
    void WriteTo(ICrmRowWriter writer);
}
