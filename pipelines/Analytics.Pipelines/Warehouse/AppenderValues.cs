using DuckDB.NET.Data;

namespace Analytics.Pipelines.Warehouse;

/// <summary>Appends a value whose type is known only at run time (a boxed cell) to a DuckDB.NET appender row.</summary>
public static class AppenderValues
{
    /// <summary>Appends <paramref name="value"/> by its CLR type; null and <see cref="DBNull"/> append NULL.</summary>
    /// <exception cref="ArgumentException">The type has no DuckDB counterpart here.</exception>
    public static IDuckDBAppenderRow AppendObject(this IDuckDBAppenderRow row, object? value) => value switch
    {
        null or DBNull => row.AppendNullValue(),
        string text => row.AppendValue(text),
        long number => row.AppendValue(number),
        int number => row.AppendValue(number),
        short number => row.AppendValue(number),
        decimal number => row.AppendValue(number),
        double number => row.AppendValue(number),
        float number => row.AppendValue(number),
        bool flag => row.AppendValue(flag),
        DateOnly date => row.AppendValue(date),
        DateTime timestamp => row.AppendValue(timestamp),
        DateTimeOffset timestamp => row.AppendValue(timestamp.UtcDateTime),
        TimeSpan span => row.AppendValue(span),
        Guid id => row.AppendValue(id),
        byte[] bytes => row.AppendValue(bytes),
        _ => throw new ArgumentException($"Cannot append a {value.GetType().Name} to a DuckDB table.", nameof(value)),
    };
}
