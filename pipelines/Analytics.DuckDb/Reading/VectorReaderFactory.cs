using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Reading;

/// <summary>
/// The one table from DuckDB types to readers (and so to CLR types):
/// BOOLEAN→bool, TINYINT→sbyte, SMALLINT→short, INTEGER→int, BIGINT→long, UTINYINT→byte, USMALLINT→ushort,
/// UINTEGER→uint, UBIGINT→ulong, HUGEINT/UHUGEINT→BigInteger, FLOAT→float, DOUBLE→double, DECIMAL→decimal,
/// VARCHAR→string, BLOB→byte[], DATE→DateOnly, TIME→TimeOnly, TIMESTAMP[_S|_MS|_NS|TZ]→DateTime (UTC),
/// INTERVAL→DuckDbInterval, UUID→Guid, ENUM→string, LIST of any of these→array of the nullable element type.
/// </summary>
internal static class VectorReaderFactory
{
    /// <summary>Builds the reader for a column; the logical type stays owned by the caller.</summary>
    public static VectorReader Create(IntPtr logicalType)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        return type switch
        {
            DuckDbType.Boolean => new BooleanReader(),
            DuckDbType.TinyInt => new PrimitiveReader<sbyte>("TINYINT"),
            DuckDbType.SmallInt => new PrimitiveReader<short>("SMALLINT"),
            DuckDbType.Integer => new PrimitiveReader<int>("INTEGER"),
            DuckDbType.BigInt => new PrimitiveReader<long>("BIGINT"),
            DuckDbType.UTinyInt => new PrimitiveReader<byte>("UTINYINT"),
            DuckDbType.USmallInt => new PrimitiveReader<ushort>("USMALLINT"),
            DuckDbType.UInteger => new PrimitiveReader<uint>("UINTEGER"),
            DuckDbType.UBigInt => new PrimitiveReader<ulong>("UBIGINT"),
            DuckDbType.Float => new PrimitiveReader<float>("FLOAT"),
            DuckDbType.Double => new PrimitiveReader<double>("DOUBLE"),
            DuckDbType.HugeInt => new HugeIntReader(unsigned: false),
            DuckDbType.UHugeInt => new HugeIntReader(unsigned: true),
            DuckDbType.Decimal => new DecimalReader(
                NativeMethods.duckdb_decimal_width(logicalType),
                NativeMethods.duckdb_decimal_scale(logicalType),
                NativeMethods.duckdb_decimal_internal_type(logicalType)),
            DuckDbType.Varchar => new StringReader("VARCHAR", isBlob: false),
            DuckDbType.Blob => new StringReader("BLOB", isBlob: true),
            DuckDbType.Date => new DateReader(),
            DuckDbType.Time => new TimeReader(),
            DuckDbType.Timestamp => new TimestampReader("TIMESTAMP", 1, 1),
            DuckDbType.TimestampTz => new TimestampReader("TIMESTAMP WITH TIME ZONE", 1, 1),
            DuckDbType.TimestampS => new TimestampReader("TIMESTAMP_S", 1, 1_000_000),
            DuckDbType.TimestampMs => new TimestampReader("TIMESTAMP_MS", 1, 1_000),
            DuckDbType.TimestampNs => new TimestampReader("TIMESTAMP_NS", 1_000, 1),
            DuckDbType.Interval => new IntervalReader(),
            DuckDbType.Uuid => new UuidReader(),
            DuckDbType.Enum => new EnumReader(EnumLabels(logicalType), NativeMethods.duckdb_enum_internal_type(logicalType)),
            DuckDbType.List => CreateList(logicalType),
            _ => new UnsupportedReader(type.ToString().ToUpperInvariant()),
        };
    }

    private static VectorReader CreateList(IntPtr logicalType)
    {
        using var childType = new LogicalTypeHandle(NativeMethods.duckdb_list_type_child_type(logicalType));
        return new ListReader(Create(childType.Pointer));
    }

    private static string[] EnumLabels(IntPtr logicalType)
    {
        var labels = new string[NativeMethods.duckdb_enum_dictionary_size(logicalType)];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = NativeMethods.ReadUtf8AndFree(NativeMethods.duckdb_enum_dictionary_value(logicalType, (ulong)i)) ?? string.Empty;
        }

        return labels;
    }
}
