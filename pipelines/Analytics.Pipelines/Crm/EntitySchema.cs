namespace Analytics.Pipelines.Crm;

/// <summary>One canonical CRM entity as data: its table name, primary key and columns in canonical order.</summary>
/// <param name="Name">The snake_case table name, e.g. <c>opportunity_partners</c>.</param>
/// <param name="PrimaryKey">The names of the columns that together identify a row.</param>
/// <param name="Columns">
/// The columns in canonical order: the order of DOMAIN.md, of the record's properties and of the calls its
/// <see cref="ICrmRecord.WriteTo"/> makes.
/// </param>
public sealed record EntitySchema(string Name, IReadOnlyList<string> PrimaryKey, IReadOnlyList<ColumnSchema> Columns)
{
    /// <summary>Returns the column called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The entity has no such column.</exception>
    public ColumnSchema Column(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var column in Columns)
        {
            if (column.Name == name)
            {
                return column;
            }
        }

        throw new ArgumentException($"Entity '{Name}' has no column '{name}'.", nameof(name));
    }
}
