namespace Analytics.DuckDb.Tests;

public sealed class DuckDbAppenderTests
{
    [Fact]
    public void A_million_rows_appended_read_back_exactly()
    {
        const int rows = 1_000_000;
        using var dir = new TempDirectory();
        using var connection = Db.OpenFile(dir.File("bulk.duckdb"));
        connection.Execute("create table opportunities(id bigint, arr double, name varchar, closed date)");

        using (var appender = connection.CreateAppender("opportunities"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.Append((long)i).Append(i * 1.5).Append(i % 7 == 0 ? null : $"opportunity {i}")
                    .Append(new DateOnly(2024, 1, 1).AddDays(i % 1000)).EndRow();
            }
        }

        Assert.Equal((long)rows, connection.Scalar("select count(*) from opportunities"));
        Assert.Equal(rows * (rows - 1L) / 2, connection.Scalar("select sum(id)::bigint from opportunities"));
        Assert.Equal((long)Enumerable.Range(0, rows).Count(i => i % 7 == 0), connection.Scalar("select count(*) from opportunities where name is null"));

        using var command = connection.CreateCommand();
        command.CommandText = "select id, arr, name, closed from opportunities order by id";
        using var reader = command.ExecuteReader();
        var expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal(expected * 1.5, reader.GetDouble(1));
            if (expected % 7 == 0)
            {
                Assert.True(reader.IsDBNull(2));
            }
            else
            {
                Assert.Equal($"opportunity {expected}", reader.GetString(2));
            }

            Assert.Equal(new DateOnly(2024, 1, 1).AddDays(expected % 1000), reader.GetFieldValue<DateOnly>(3));
            expected++;
        }

        Assert.Equal(rows, expected);
    }

    [Fact]
    public void Every_supported_type_appends_and_reads_back()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("""
            create table t(b boolean, i integer, l bigint, d double, m decimal(18,2), s varchar, dt date,
                           ts timestamp, iv interval, u uuid, bl blob, missing varchar)
            """);
        var guid = Guid.NewGuid();
        var ts = new DateTime(2026, 11, 21, 6, 30, 0, DateTimeKind.Utc);

        using (var appender = connection.CreateAppender("t"))
        {
            appender.Append(true).Append(42).Append(7L).Append(0.5).Append(1234.56m).Append("text")
                .Append(new DateOnly(2026, 11, 21)).Append(ts).Append(TimeSpan.FromDays(2)).Append(guid)
                .Append(new byte[] { 9 }).AppendNull().EndRow();
            appender.AppendValue(false).AppendValue(1).AppendValue(2L).AppendValue(3.5).AppendValue(-0.01m).AppendValue("x")
                .AppendValue(new DateOnly(2020, 1, 1)).AppendValue(ts).AppendValue(new DuckDbInterval(1, 0, 0)).AppendValue(guid)
                .AppendValue(new byte[] { 1 }).AppendValue(DBNull.Value).EndRow();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "select * from t order by i desc";
        using var reader = command.ExecuteReader();
        reader.Read();
        object[] first = new object[12];
        reader.GetValues(first);
        Assert.Equal(new object[] { true, 42, 7L, 0.5, 1234.56m, "text", new DateOnly(2026, 11, 21), ts, new DuckDbInterval(0, 2, 0), guid, new byte[] { 9 }, DBNull.Value }, first);
        reader.Read();
        Assert.Equal(-0.01m, reader.GetDecimal(4));
        Assert.Equal(new DuckDbInterval(1, 0, 0), reader.GetValue(8));
    }

    [Fact]
    public void Ending_a_row_with_too_few_values_fails_with_duckdbs_message()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(a integer, b integer)");
        using var appender = connection.CreateAppender("t");

        appender.Append(1);
        var error = Assert.Throws<DuckDbException>(() => appender.EndRow());
        Assert.Contains("column", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_appender_for_a_missing_table_fails_naming_it()
    {
        using var connection = Db.OpenMemory();

        var error = Assert.Throws<DuckDbException>(() => connection.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public void A_constraint_violation_surfaces_when_the_appender_flushes()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(id integer primary key)");
        var appender = connection.CreateAppender("t");
        appender.Append(1).EndRow().Append(1).EndRow();

        var error = Assert.Throws<DuckDbException>(appender.Dispose);
        Assert.Contains("constraint violation", error.Message);
    }

    [Fact]
    public void Appending_into_a_schema_qualified_table_works()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create schema raw; create table raw.partners(partner_id varchar)");

        using (var appender = connection.CreateAppender("partners", schema: "raw"))
        {
            appender.Append("P1").EndRow();
        }

        Assert.Equal("P1", connection.Scalar("select partner_id from raw.partners"));
    }
}
