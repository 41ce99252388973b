using System.Numerics;

namespace Analytics.DuckDb.Tests;

public sealed class ParameterBindingTests
{
    public static TheoryData<object, string, object> RoundTrips => new()
    {
        { true, "BOOLEAN", true },
        { (sbyte)-5, "TINYINT", (sbyte)-5 },
        { (short)-500, "SMALLINT", (short)-500 },
        { 123456, "INTEGER", 123456 },
        { long.MaxValue, "BIGINT", long.MaxValue },
        { (byte)200, "UTINYINT", (byte)200 },
        { ulong.MaxValue, "UBIGINT", ulong.MaxValue },
        { BigInteger.Parse("-170141183460469231731687303715884105728"), "HUGEINT", BigInteger.Parse("-170141183460469231731687303715884105728") },
        { 0.25f, "FLOAT", 0.25f },
        { 1e300, "DOUBLE", 1e300 },
        { 12345.67m, "DECIMAL(18,2)", 12345.67m },
        { -0.001m, "DECIMAL(10,3)", -0.001m },
        { "näive ✓ text longer than twelve", "VARCHAR", "näive ✓ text longer than twelve" },
        { new DateOnly(2024, 2, 29), "DATE", new DateOnly(2024, 2, 29) },
        { new TimeOnly(7, 30, 15), "TIME", new TimeOnly(7, 30, 15) },
        { new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), "TIMESTAMP", new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc) },
        { TimeSpan.FromHours(49.5), "INTERVAL", new DuckDbInterval(0, 2, 5_400_000_000) },
        { Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "UUID", Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff") },
        { new byte[] { 1, 2, 3 }, "BLOB", new byte[] { 1, 2, 3 } },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void A_bound_value_round_trips_through_a_typed_column(object value, string type, object expected)
    {
        using var connection = Db.OpenMemory();
        connection.Execute($"create table t(v {type})");
        connection.Execute("insert into t values ($1)", value);

        Assert.Equal(expected, connection.Scalar("select v from t"));
        Assert.Equal(1L, connection.Scalar("select count(*) from t where v = $1", value));
    }

    [Fact]
    public void Null_and_DBNull_bind_as_NULL()
    {
        using var connection = Db.OpenMemory();

        Assert.Equal(true, connection.Scalar("select $1 is null and $2 is null", null, DBNull.Value));
    }

    [Fact]
    public void A_sequence_binds_as_a_list_usable_with_any()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table partners as select 'P' || range as partner_id from range(10)");

        Assert.Equal(3L, connection.Scalar("select count(*) from partners where partner_id = any($1)", new List<string> { "P1", "P4", "P9", "P99" }));
        Assert.Equal(6L, connection.Scalar("select list_sum($1)::bigint", new[] { 1L, 2L, 3L }));
    }

    [Fact]
    public void A_local_DateTime_is_stored_as_its_UTC_instant()
    {
        using var connection = Db.OpenMemory();
        var local = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Local);

        Assert.Equal(local.ToUniversalTime(), connection.Scalar("select $1::timestamp", local));
    }

    [Fact]
    public void An_unsupported_parameter_type_is_named()
    {
        using var connection = Db.OpenMemory();

        var error = Assert.Throws<NotSupportedException>(() => connection.Scalar("select $1", new Uri("http://x")));
        Assert.Contains("Uri", error.Message);
    }
}
