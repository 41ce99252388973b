using Analytics.DuckDb;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Lake;

/// <summary>Writes canonical rows into one staging table through a DuckDB appender, column by column, without boxing.</summary>
internal sealed class AppenderRowWriter(DuckDbAppender appender) : ICrmRowWriter
{
    /// <summary>Rows ended so far.</summary>
    public long Rows { get; private set; }

    public void Text(string? value) => appender.Append(value);

    public void Integer(long? value) => appender.Append(value);

    public void Decimal(decimal? value) => appender.Append(value);

    public void Boolean(bool? value) => appender.Append(value);

    public void Date(DateOnly? value) => appender.Append(value);

    public void Timestamp(DateTime? value) => appender.Append(value);

    /// <summary>Appends an already typed row (from a file source), values in schema column order.</summary>
    public void Values(object?[] values)
    {
        foreach (var value in values)
        {
            appender.AppendValue(value);
        }
    }

    public void EndRow()
    {
        appender.EndRow();
        Rows++;
    }
}
