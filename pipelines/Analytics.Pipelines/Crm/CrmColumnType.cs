namespace Analytics.Pipelines.Crm;

/// <summary>
/// The logical type of a canonical CRM column. Each maps to one DuckDB SQL type
/// (<see cref="CrmSchema.DuckDbTypeOf"/>) and to one <see cref="ICrmRowWriter"/> method.
/// </summary>
public enum CrmColumnType
{
    /// <summary>A string: ids, names, e-mail addresses and enum-like values. DuckDB <c>VARCHAR</c>.</summary>
    Text,

    /// <summary>A whole number: counts, indices, scores. DuckDB <c>BIGINT</c>.</summary>
    Integer,

    /// <summary>A fixed-point number with two decimals: money and percentages. DuckDB <c>DECIMAL(18,2)</c>.</summary>
    Decimal,

    /// <summary>A true/false flag. DuckDB <c>BOOLEAN</c>.</summary>
    Boolean,

    /// <summary>A calendar date without time of day. DuckDB <c>DATE</c>.</summary>
    Date,

    /// <summary>An instant in UTC, to the microsecond. DuckDB <c>TIMESTAMP</c>.</summary>
    Timestamp,
}
