using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Lake;

/// <summary>Writes canonical rows into one staging table through a DuckDB appender, column by column, without boxing.</summary>
internal sealed class AppenderRowWriter(DuckDBAppender appender) : ICrmRowWriter
{
    private IDuckDBAppenderRow? _row;

    /// <summary>Rows ended so far.</summary>
    public long Rows { get; private set; }

    private IDuckDBAppenderRow Row => _row ??= appender.CreateRow();

    public void Text(string? value) => Row.AppendValue(value);

    public void Integer(long? value) => Row.AppendValue(value);

    public void Decimal(decimal? value) => Row.AppendValue(value);

    public void Boolean(bool? value) => Row.AppendValue(value);

    public void Date(DateOnly? value) => Row.AppendValue(value);

    public void Timestamp(DateTime? value) => Row.AppendValue(value);

    /// <summary>Appends an already typed row (from a file source), values in schema column order.</summary>
    public void Values(object?[] values)
    {
        foreach (var value in values)
        {
            Row.AppendObject(value);
        }
    }

    public void EndRow()
    {
        Row.EndRow();
        _row = null;
        Rows++;
    }
}
