namespace Analytics.DuckDb;

/// <summary>DuckDB's type ids (duckdb.h, enum DUCKDB_TYPE); the values are the C API's.</summary>
public enum DuckDbType
{
    /// <summary>DUCKDB_TYPE_INVALID.</summary>
    Invalid = 0,
    /// <summary>BOOLEAN.</summary>
    Boolean = 1,
    /// <summary>TINYINT.</summary>
    TinyInt = 2,
    /// <summary>SMALLINT.</summary>
    SmallInt = 3,
    /// <summary>INTEGER.</summary>
    Integer = 4,
    /// <summary>BIGINT.</summary>
    BigInt = 5,
    /// <summary>UTINYINT.</summary>
    UTinyInt = 6,
    /// <summary>USMALLINT.</summary>
    USmallInt = 7,
    /// <summary>UINTEGER.</summary>
    UInteger = 8,
    /// <summary>UBIGINT.</summary>
    UBigInt = 9,
    /// <summary>FLOAT.</summary>
    Float = 10,
    /// <summary>DOUBLE.</summary>
    Double = 11,
    /// <summary>TIMESTAMP (microseconds).</summary>
    Timestamp = 12,
    /// <summary>DATE.</summary>
    Date = 13,
    /// <summary>TIME.</summary>
    Time = 14,
    /// <summary>INTERVAL.</summary>
    Interval = 15,
    /// <summary>HUGEINT.</summary>
    HugeInt = 16,
    /// <summary>VARCHAR.</summary>
    Varchar = 17,
    /// <summary>BLOB.</summary>
    Blob = 18,
    /// <summary>DECIMAL.</summary>
    Decimal = 19,
    /// <summary>TIMESTAMP_S.</summary>
    TimestampS = 20,
    /// <summary>TIMESTAMP_MS.</summary>
    TimestampMs = 21,
    /// <summary>TIMESTAMP_NS.</summary>
    TimestampNs = 22,
    /// <summary>ENUM.</summary>
    Enum = 23,
    /// <summary>LIST.</summary>
    List = 24,
    /// <summary>STRUCT.</summary>
    Struct = 25,
    /// <summary>MAP.</summary>
    Map = 26,
    /// <summary>UUID.</summary>
    Uuid = 27,
    /// <summary>UNION.</summary>
    Union = 28,
    /// <summary>BIT.</summary>
    Bit = 29,
    /// <summary>TIME WITH TIME ZONE.</summary>
    TimeTz = 30,
    /// <summary>TIMESTAMP WITH TIME ZONE.</summary>
    TimestampTz = 31,
    /// <summary>UHUGEINT.</summary>
    UHugeInt = 32,
    /// <summary>ARRAY (fixed size).</summary>
    Array = 33,
    /// <summary>ANY.</summary>
    Any = 34,
    /// <summary>BIGNUM (VARINT).</summary>
    BigNum = 35,
    /// <summary>The type of a bare NULL.</summary>
    SqlNull = 36,
}
