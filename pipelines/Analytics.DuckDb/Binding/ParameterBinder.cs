using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Binding;

/// <summary>
/// Binds <see cref="DuckDbParameter"/> values to a prepared statement (duckdb.h, "Bind Values To Prepared
/// Statements"). The CLR type chooses the DuckDB type: bool→BOOLEAN, sbyte/short/int/long→TINYINT..BIGINT,
/// byte/ushort/uint/ulong→UTINYINT..UBIGINT, BigInteger→HUGEINT, float→FLOAT, double→DOUBLE, decimal→DECIMAL,
/// string/char→VARCHAR, byte[]→BLOB, DateOnly→DATE, TimeOnly→TIME, DateTime→TIMESTAMP (UTC), DateTimeOffset→TIMESTAMPTZ,
/// TimeSpan/DuckDbInterval→INTERVAL, Guid→UUID, enums→their name, any other sequence→LIST; null and DBNull→NULL.
/// </summary>
internal static class ParameterBinder
{
    /// <summary>Binds every parameter the statement declares; throws naming the first one without a value.</summary>
    public static void BindAll(IntPtr prepared, DuckDbParameterCollection parameters)
    {
        var count = NativeMethods.duckdb_nparams(prepared);
        if (count == 0)
        {
            return;
        }

        NativeMethods.duckdb_clear_bindings(prepared);
        for (ulong index = 1; index <= count; index++)
        {
            var name = NativeMethods.ReadUtf8AndFree(NativeMethods.duckdb_parameter_name(prepared, index)) ?? index.ToString(CultureInfo.InvariantCulture);
            var parameter = Resolve(parameters, name)
                ?? throw new InvalidOperationException(
                    $"The statement uses parameter ${name}, but the command has no parameter of that name" +
                    (IsPositional(name) ? $" nor a parameter at position {name}." : "."));
            Bind(prepared, index, parameter.Value, name);
        }
    }

    private static DuckDbParameter? Resolve(DuckDbParameterCollection parameters, string name)
    {
        var named = parameters.Find(name);
        if (named is not null || !IsPositional(name))
        {
            return named;
        }

        var position = int.Parse(name, CultureInfo.InvariantCulture) - 1;
        return position < parameters.Count ? parameters[position] : null;
    }

    private static bool IsPositional(string name) => name.Length > 0 && name.All(char.IsAsciiDigit);

    private static unsafe void Bind(IntPtr prepared, ulong index, object? value, string name)
    {
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(prepared, index),
            bool v => NativeMethods.duckdb_bind_boolean(prepared, index, v),
            sbyte v => NativeMethods.duckdb_bind_int8(prepared, index, v),
            short v => NativeMethods.duckdb_bind_int16(prepared, index, v),
            int v => NativeMethods.duckdb_bind_int32(prepared, index, v),
            long v => NativeMethods.duckdb_bind_int64(prepared, index, v),
            byte v => NativeMethods.duckdb_bind_uint8(prepared, index, v),
            ushort v => NativeMethods.duckdb_bind_uint16(prepared, index, v),
            uint v => NativeMethods.duckdb_bind_uint32(prepared, index, v),
            ulong v => NativeMethods.duckdb_bind_uint64(prepared, index, v),
            BigInteger v => NativeMethods.duckdb_bind_hugeint(prepared, index, ToHugeInt(v)),
            float v => NativeMethods.duckdb_bind_float(prepared, index, v),
            double v => NativeMethods.duckdb_bind_double(prepared, index, v),
            decimal v => NativeMethods.duckdb_bind_decimal(prepared, index, ToDecimal(v)),
            string v => BindText(prepared, index, v),
            char v => BindText(prepared, index, v.ToString()),
            byte[] v => BindBlob(prepared, index, v),
            DateOnly v => NativeMethods.duckdb_bind_date(prepared, index, TemporalEncoding.DaysFromDate(v)),
            TimeOnly v => NativeMethods.duckdb_bind_time(prepared, index, TemporalEncoding.MicrosFromTime(v)),
            DateTime v => NativeMethods.duckdb_bind_timestamp(prepared, index, TemporalEncoding.MicrosFromTimestamp(v)),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(prepared, index, TemporalEncoding.MicrosFromTimestamp(v.UtcDateTime)),
            TimeSpan v => NativeMethods.duckdb_bind_interval(prepared, index, ToInterval(DuckDbInterval.FromTimeSpan(v))),
            DuckDbInterval v => NativeMethods.duckdb_bind_interval(prepared, index, ToInterval(v)),
            Enum v => BindText(prepared, index, v.ToString()),
            Guid or IEnumerable => BindValue(prepared, index, value, name),
            _ => throw new NotSupportedException($"Parameter ${name}: values of type {value.GetType().Name} cannot be bound to DuckDB."),
        };

        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"DuckDB refused the value of parameter ${name} ({value?.GetType().Name}); check that its type fits where the statement uses it.");
        }
    }

    private static unsafe DuckDbState BindText(IntPtr prepared, ulong index, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = bytes)
        {
            return NativeMethods.duckdb_bind_varchar_length(prepared, index, p, (ulong)bytes.Length);
        }
    }

    private static unsafe DuckDbState BindBlob(IntPtr prepared, ulong index, byte[] data)
    {
        fixed (byte* p = data)
        {
            return NativeMethods.duckdb_bind_blob(prepared, index, p, (ulong)data.Length);
        }
    }

    private static DuckDbState BindValue(IntPtr prepared, ulong index, object value, string name)
    {
        var native = ValueFactory.Create(value, name);
        try
        {
            return NativeMethods.duckdb_bind_value(prepared, index, native);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }
    }

    internal static DuckDbHugeInt ToHugeInt(BigInteger value)
    {
        if (value < -(BigInteger.One << 127) || value >= BigInteger.One << 127)
        {
            throw new OverflowException($"{value} does not fit in DuckDB's HUGEINT (128-bit signed).");
        }

        return new DuckDbHugeInt { Lower = (ulong)(value & ulong.MaxValue), Upper = (long)(value >> 64) };
    }

    internal static DuckDbDecimal ToDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = bits[3] < 0 ? -magnitude : magnitude;
        var digits = magnitude.IsZero ? 1 : (int)Math.Floor(BigInteger.Log10(magnitude)) + 1;
        var width = (byte)Math.Clamp(Math.Max(digits, scale + 1), 1, 38);
        return new DuckDbDecimal { Width = width, Scale = scale, Value = ToHugeInt(unscaled) };
    }

    internal static DuckDbIntervalValue ToInterval(DuckDbInterval value) =>
        new() { Months = value.Months, Days = value.Days, Micros = value.Micros };
}
