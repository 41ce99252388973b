using System.Collections;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Binding;

/// <summary>
/// Builds duckdb_value objects (duckdb.h, "Value Interface") for what cannot be bound directly: UUIDs and LISTs.
/// The caller destroys the returned value.
/// </summary>
internal static class ValueFactory
{
    public static IntPtr Create(object value, string name) => value switch
    {
        Guid v => NativeMethods.duckdb_create_uuid(TemporalEncoding.UnsignedFromGuid(v)),
        IEnumerable sequence and not string => CreateList(sequence, name),
        _ => CreateScalar(value, name),
    };

    private static IntPtr CreateList(IEnumerable sequence, string name)
    {
        var items = sequence.Cast<object?>().ToList();
        var elementType = ElementType(sequence.GetType(), items, name);
        var values = new IntPtr[items.Count];
        var childType = NativeMethods.duckdb_create_logical_type(elementType);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                values[i] = items[i] is null
                    ? throw new NotSupportedException($"Parameter ${name}: a list parameter cannot contain NULL elements.")
                    : CreateScalar(items[i]!, name);
            }

            return NativeMethods.duckdb_create_list_value(childType, values, (ulong)values.Length);
        }
        finally
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] != IntPtr.Zero)
                {
                    NativeMethods.duckdb_destroy_value(ref values[i]);
                }
            }

            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    private static DuckDbType ElementType(Type sequenceType, List<object?> items, string name)
    {
        var element = sequenceType.IsArray
            ? sequenceType.GetElementType()!
            : sequenceType.GetInterfaces().Concat([sequenceType])
                .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
              ?? items.FirstOrDefault()?.GetType()
              ?? typeof(string);
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element switch
        {
            _ when element == typeof(bool) => DuckDbType.Boolean,
            _ when element == typeof(int) => DuckDbType.Integer,
            _ when element == typeof(long) => DuckDbType.BigInt,
            _ when element == typeof(double) => DuckDbType.Double,
            _ when element == typeof(string) => DuckDbType.Varchar,
            _ when element == typeof(DateOnly) => DuckDbType.Date,
            _ when element == typeof(DateTime) => DuckDbType.Timestamp,
            _ when element == typeof(Guid) => DuckDbType.Uuid,
            _ => throw new NotSupportedException($"Parameter ${name}: lists of {element.Name} cannot be bound; use bool, int, long, double, string, DateOnly, DateTime or Guid elements."),
        };
    }

    private static unsafe IntPtr CreateScalar(object value, string name)
    {
        switch (value)
        {
            case bool v:
                return NativeMethods.duckdb_create_bool(v);
            case int v:
                return NativeMethods.duckdb_create_int32(v);
            case long v:
                return NativeMethods.duckdb_create_int64(v);
            case double v:
                return NativeMethods.duckdb_create_double(v);
            case DateOnly v:
                return NativeMethods.duckdb_create_date(TemporalEncoding.DaysFromDate(v));
            case DateTime v:
                return NativeMethods.duckdb_create_timestamp(TemporalEncoding.MicrosFromTimestamp(v));
            case Guid v:
                return NativeMethods.duckdb_create_uuid(TemporalEncoding.UnsignedFromGuid(v));
            case string v:
                var bytes = Encoding.UTF8.GetBytes(v);
                fixed (byte* p = bytes)
                {
                    return NativeMethods.duckdb_create_varchar_length(p, (ulong)bytes.Length);
                }

            default:
                throw new NotSupportedException($"Parameter ${name}: list elements of type {value.GetType().Name} cannot be bound.");
        }
    }
}
