namespace Analytics.DuckDb.Tests;

public sealed class DuckDbCommandTests
{
    [Fact]
    public void Named_parameters_bind_by_name_whatever_their_order_or_prefix()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select $motion || ':' || $partner_id";
        command.Parameters.Add("@partner_id", "P7");
        command.Parameters.Add("$motion", "reseller");

        Assert.Equal("reseller:P7", command.ExecuteScalar());
    }

    [Fact]
    public void Positional_parameters_bind_to_question_marks_and_dollar_numbers()
    {
        using var connection = Db.OpenMemory();

        Assert.Equal(5L, connection.Scalar("select ? + ?", 2L, 3L));
        Assert.Equal("b-a", connection.Scalar("select $2 || '-' || $1", "a", "b"));
    }

    [Fact]
    public void A_parameter_missing_from_the_command_is_named_in_the_error()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select $arr * 2";

        var error = Assert.Throws<InvalidOperationException>(() => command.ExecuteScalar());
        Assert.Contains("$arr", error.Message);
    }

    [Fact]
    public void A_prepared_command_rebinds_new_values_on_each_execution()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x bigint)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "insert into t values ($x)";
        var x = insert.Parameters.Add("x", 0L);
        for (var i = 1; i <= 10; i++)
        {
            x.Value = (long)i;
            Assert.Equal(1, insert.ExecuteNonQuery());
        }

        Assert.Equal(55L, connection.Scalar("select sum(x)::bigint from t"));
    }

    [Fact]
    public void Several_statements_run_in_order_and_a_later_one_may_use_a_table_an_earlier_one_created()
    {
        using var connection = Db.OpenMemory();

        var affected = connection.Execute("create table t(x integer); insert into t values (1), (2), (3); update t set x = x * 10 where x > 1");

        Assert.Equal(5, affected);
        Assert.Equal(51L, connection.Scalar("select sum(x)::bigint from t"));
    }

    [Fact]
    public void ExecuteNonQuery_returns_minus_one_when_no_statement_changes_rows()
    {
        using var connection = Db.OpenMemory();

        Assert.Equal(-1, connection.Execute("create table t(x integer)"));
    }

    [Fact]
    public void ExecuteScalar_gives_null_without_rows_and_DBNull_for_a_null_value()
    {
        using var connection = Db.OpenMemory();

        Assert.Null(connection.Scalar("select 1 where false"));
        Assert.Equal(DBNull.Value, connection.Scalar("select null"));
    }

    [Theory]
    [InlineData("selec 1", "syntax error")]
    [InlineData("select * from no_such_table", "Table with name no_such_table does not exist")]
    [InlineData("select 1/0::integer + 'x'::integer", "Could not convert string 'x' to INT32")]
    public void Errors_carry_duckdbs_own_message(string sql, string expected)
    {
        using var connection = Db.OpenMemory();

        var error = Assert.Throws<DuckDbException>(() => connection.Execute(sql));

        Assert.Contains(expected, error.Message);
        Assert.Equal(sql, error.Statement);
    }

    [Fact]
    public void An_error_while_streaming_a_result_surfaces_when_the_failing_chunk_is_read()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select case when range < 50000 then range::varchar else 'boom' end::integer as n from range(100000)";

        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        });
        Assert.Contains("Could not convert string 'boom'", error.Message);
    }

    [Fact]
    public void A_command_timeout_interrupts_a_long_query()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from range(100000000000) a";
        command.CommandTimeout = 1;

        var error = Assert.Throws<DuckDbException>(() => command.ExecuteScalar());
        Assert.Contains("Interrupt", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, connection.Scalar("select 1"));
    }

    [Fact]
    public void A_connection_is_usable_after_a_failed_statement()
    {
        using var connection = Db.OpenMemory();

        Assert.Throws<DuckDbException>(() => connection.Execute("select * from missing"));

        Assert.Equal(3, connection.Scalar("select 3"));
    }
}

public sealed class DuckDbBatchFailureTests
{
    [Fact]
    public void A_failing_statement_stops_the_batch_and_later_statements_never_run()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x integer)");

        Assert.Throws<DuckDbException>(() => connection.Execute("insert into t values (1); select * from missing; insert into t values (2)"));

        Assert.Equal(1L, connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void An_error_while_reading_stops_the_batch_too()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x integer)");

        Assert.Throws<DuckDbException>(() =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "select 'x'::integer from range(10); insert into t values (2)";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        });

        Assert.Equal(0L, connection.Scalar("select count(*) from t"));
    }
}
