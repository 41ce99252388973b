namespace Analytics.Pipelines.Crm;

/// <summary>One column of a canonical CRM entity.</summary>
/// <param name="Name">The column name in snake_case, exactly as DOMAIN.md spells it (<c>partner_manager_email</c>).</param>
/// <param name="Type">The logical type; <see cref="DuckDbType"/> gives the SQL type.</param>
/// <param name="Required">True when every row must carry a value (SQL <c>NOT NULL</c>).</param>
/// <param name="AcceptedValues">
/// The complete list of values an enum-like column may hold, in lowercase as DOMAIN.md spells them;
/// null for free-form columns.
/// </param>
public sealed record ColumnSchema(string Name, CrmColumnType Type, bool Required, IReadOnlyList<string>? AcceptedValues)
{
    /// <summary>Smallest value a numeric column may hold (DOMAIN.md: ARR is never negative, CSAT starts at 1); null when unbounded.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Largest value a numeric column may hold (attribution is a percentage, stage_index at most 6); null when unbounded.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The DuckDB SQL type of this column, e.g. <c>DECIMAL(18,2)</c>.</summary>
    public string DuckDbType => CrmSchema.DuckDbTypeOf(Type);
}
