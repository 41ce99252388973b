using System.Numerics;

namespace Analytics.DuckDb.Tests;

public sealed class DuckDbDataReaderTests
{
    public static TheoryData<string, string, object> Values => new()
    {
        { "BOOLEAN", "true", true },
        { "TINYINT", "-7", (sbyte)-7 },
        { "SMALLINT", "-300", (short)-300 },
        { "INTEGER", "2147483647", int.MaxValue },
        { "BIGINT", "'-9223372036854775808'", long.MinValue },
        { "UTINYINT", "255", (byte)255 },
        { "USMALLINT", "65535", (ushort)65535 },
        { "UINTEGER", "4294967295", uint.MaxValue },
        { "UBIGINT", "18446744073709551615", ulong.MaxValue },
        { "HUGEINT", "'-170141183460469231731687303715884105728'", -(BigInteger.One << 127) },
        { "FLOAT", "1.5", 1.5f },
        { "DOUBLE", "-2.25", -2.25 },
        { "DECIMAL(4,1)", "-123.4", -123.4m },
        { "DECIMAL(9,3)", "123456.789", 123456.789m },
        { "DECIMAL(18,2)", "-1234567890123456.78", -1234567890123456.78m },
        { "DECIMAL(38,10)", "123456789012345678.0123456789", 123456789012345678.0123456789m },
        { "VARCHAR", "'short'", "short" },
        { "VARCHAR", "'a string well over twelve bytes, with ünïcödé ✓'", "a string well over twelve bytes, with ünïcödé ✓" },
        { "VARCHAR", "''", "" },
        { "DATE", "'2026-02-28'", new DateOnly(2026, 2, 28) },
        { "DATE", "'1969-12-31'", new DateOnly(1969, 12, 31) },
        { "TIMESTAMP", "'2026-11-21 13:45:10.123456'", new DateTime(2026, 11, 21, 13, 45, 10, DateTimeKind.Utc).AddTicks(1_234_560) },
        { "TIMESTAMPTZ", "'2026-11-21 13:45:10+02'", new DateTime(2026, 11, 21, 11, 45, 10, DateTimeKind.Utc) },
        { "TIME", "'23:59:58.5'", new TimeOnly(23, 59, 58, 500) },
        { "INTERVAL", "interval '14 months 3 days 5 seconds'", new DuckDbInterval(14, 3, 5_000_000) },
        { "UUID", "'0f8fad5b-d9cb-469f-a165-70867728950e'", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "UUID", "'ffffffff-ffff-ffff-ffff-ffffffffffff'", Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Each_type_reads_as_its_documented_clr_type_and_null_reads_as_DBNull(string type, string literal, object expected)
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = $"select {literal}::{type} as v union all select null::{type} order by v nulls last";
        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal(expected.GetType(), reader.GetFieldType(0));
        Assert.False(reader.IsDBNull(0));
        Assert.Equal(expected, reader.GetValue(0));

        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
        Assert.Equal(DBNull.Value, reader.GetValue(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Blob_reads_as_bytes_and_through_GetBytes()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select '\\x00\\xFFabc'::blob as b, null::blob as n";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal(new byte[] { 0, 255, 97, 98, 99 }, (byte[])reader.GetValue(0));
        var buffer = new byte[3];
        Assert.Equal(3, reader.GetBytes(0, 2, buffer, 0, 3));
        Assert.Equal("abc"u8.ToArray(), buffer);
        Assert.True(reader.IsDBNull(1));
    }

    [Fact]
    public void Lists_of_primitives_read_as_arrays_of_nullable_elements()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = """
            select [1, null, 3]::bigint[] as ints, ['a', null, 'a longer string than twelve'] as texts,
                   []::double[] as empty, null::integer[] as missing, [date '2026-01-01'] as dates
            from range(3)
            """;
        using var reader = command.ExecuteReader();

        for (var row = 0; row < 3; row++)
        {
            Assert.True(reader.Read());
            Assert.Equal(typeof(long?[]), reader.GetFieldType(0));
            Assert.Equal(new long?[] { 1, null, 3 }, reader.GetValue(0));
            Assert.Equal(new[] { "a", null, "a longer string than twelve" }, reader.GetValue(1));
            Assert.Empty((double?[])reader.GetValue(2));
            Assert.True(reader.IsDBNull(3));
            Assert.Equal(new DateOnly?[] { new DateOnly(2026, 1, 1) }, reader.GetValue(4));
        }
    }

    [Fact]
    public void Typed_getters_widen_numbers_and_refuse_null_with_the_column_name()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select 7::integer as small, 2.5::decimal(10,2) as arr, null::bigint as nothing";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal(7L, reader.GetInt64(0));
        Assert.Equal(7.0, reader.GetDouble(0));
        Assert.Equal(2.5, reader.GetDouble(1));
        Assert.Equal(2.5m, reader.GetFieldValue<decimal>(1));
        Assert.Null(reader.GetFieldValue<long?>(2));
        Assert.Null(reader.GetFieldValue<string>(2));
        var error = Assert.Throws<InvalidCastException>(() => reader.GetInt64(2));
        Assert.Contains("'nothing'", error.Message);
    }

    [Fact]
    public void Dates_and_timestamps_also_read_as_DateTime_and_DateTimeOffset()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select date '2026-03-31' as d, timestamp '2026-03-31 08:00:00' as ts";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), reader.GetDateTime(0));
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(1).Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero), reader.GetFieldValue<DateTimeOffset>(1));
    }

    [Fact]
    public void A_large_result_streams_across_many_chunks_in_order_and_exactly()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select range as id, range * 0.5 as half, 'row-' || range as label from range(250000) order by id";
        using var reader = command.ExecuteReader();

        long expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal(expected * 0.5, reader.GetDouble(1));
            if (expected % 9973 == 0)
            {
                Assert.Equal($"row-{expected}", reader.GetString(2));
            }

            expected++;
        }

        Assert.Equal(250_000, expected);
    }

    [Fact]
    public void Several_selects_give_several_results_through_NextResult()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select 1 as a; create table t(x integer); select 'two' as b, 3 as c";
        using var reader = command.ExecuteReader();

        Assert.Equal("a", reader.GetName(0));
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.True(reader.NextResult());
        Assert.Equal(2, reader.FieldCount);
        Assert.Equal(1, reader.GetOrdinal("C"));
        Assert.True(reader.Read());
        Assert.Equal("two", reader.GetString(0));
        Assert.False(reader.NextResult());
    }

    [Fact]
    public void HasRows_is_known_before_the_first_Read()
    {
        using var connection = Db.OpenMemory();
        using var empty = connection.CreateCommand();
        empty.CommandText = "select 1 where false";
        using (var reader = empty.ExecuteReader())
        {
            Assert.False(reader.HasRows);
            Assert.Equal(1, reader.FieldCount);
        }

        using var full = connection.CreateCommand();
        full.CommandText = "select 1";
        using (var reader = full.ExecuteReader())
        {
            Assert.True(reader.HasRows);
        }
    }

    [Fact]
    public void Reading_before_Read_or_an_unknown_column_name_fails_clearly()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select 1 as partner_id";
        using var reader = command.ExecuteReader();

        Assert.Throws<InvalidOperationException>(() => reader.GetInt32(0));
        reader.Read();
        var error = Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("account_id"));
        Assert.Contains("partner_id", error.Message);
    }

    [Fact]
    public void Closing_a_reader_early_still_runs_the_remaining_statements()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x integer)");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "select range from range(100000); insert into t values (1)";
            using var reader = command.ExecuteReader();
            reader.Read();
        }

        Assert.Equal(1L, connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void Enum_and_unsupported_types_say_what_to_do()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create type mood as enum ('ok', 'sad')");
        using var command = connection.CreateCommand();
        command.CommandText = "select 'sad'::mood as m, {'a': 1} as s";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal("sad", reader.GetValue(0));
        var error = Assert.Throws<NotSupportedException>(() => reader.GetValue(1));
        Assert.Contains("cast the column to VARCHAR", error.Message);
    }
}
