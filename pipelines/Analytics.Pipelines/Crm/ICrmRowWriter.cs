namespace Analytics.Pipelines.Crm;

/// <summary>
/// Receives one record's values in <see cref="CrmSchema"/> column order, one call per column, without boxing.
/// A DuckDB appender, a hash or a test collector can sit behind it. A null argument means SQL NULL.
/// </summary>
public interface ICrmRowWriter
{
    /// <summary>Writes a <see cref="CrmColumnType.Text"/> value.</summary>
    void Text(string? value);

    /// <summary>Writes an <see cref="CrmColumnType.Integer"/> value.</summary>
    void Integer(long? value);

    /// <summary>Writes a <see cref="CrmColumnType.Decimal"/> value.</summary>
    void Decimal(decimal? value);

    /// <summary>Writes a <see cref="CrmColumnType.Boolean"/> value.</summary>
    void Boolean(bool? value);

    /// <summary>Writes a <see cref="CrmColumnType.Date"/> value.</summary>
    void Date(DateOnly? value);

    /// <summary>Writes a <see cref="CrmColumnType.Timestamp"/> value (UTC).</summary>
    void Timestamp(DateTime? value);
}
