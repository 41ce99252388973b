using System.Data;

namespace Analytics.DuckDb.Tests;

public sealed class DuckDbConnectionTests
{
    [Fact]
    public void Opens_an_in_memory_database_and_reports_the_pinned_engine_version()
    {
        using var connection = Db.OpenMemory();

        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.StartsWith("v1.5.", connection.ServerVersion);
        Assert.Equal(2, connection.Scalar("select 1 + 1"));
    }

    [Fact]
    public void Data_written_to_a_file_survives_closing_and_reopening()
    {
        using var dir = new TempDirectory();
        var path = dir.File("kept.duckdb");
        using (var first = Db.OpenFile(path))
        {
            first.Execute("create table partners(partner_id varchar, name varchar)");
            first.Execute("insert into partners values ('P1', 'Acme Cloud')");
        }

        using var second = Db.OpenFile(path);
        Assert.Equal("Acme Cloud", second.Scalar("select name from partners where partner_id = 'P1'"));
    }

    [Fact]
    public void A_read_only_connection_reads_but_refuses_writes_with_duckdbs_message()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ro.duckdb");
        using (var writer = Db.OpenFile(path))
        {
            writer.Execute("create table t as select 42 as x");
        }

        using var reader = Db.OpenFile(path, "Read Only=true");
        Assert.Equal(42, reader.Scalar("select x from t"));
        var error = Assert.Throws<DuckDbException>(() => reader.Execute("insert into t values (1)"));
        Assert.Contains("read-only", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Threads_memory_limit_and_temp_directory_options_reach_duckdb()
    {
        using var dir = new TempDirectory();
        var builder = new DuckDbConnectionStringBuilder
        {
            DataSource = dir.File("options.duckdb"),
            Threads = 1,
            MemoryLimit = "512MB",
            TempDirectory = dir.File("spill"),
        };
        using var connection = new DuckDbConnection(builder.ConnectionString);
        connection.Open();

        Assert.Equal(1L, connection.Scalar("select current_setting('threads')"));
        Assert.Equal("488.2 MiB", connection.Scalar("select current_setting('memory_limit')"));
        Assert.Equal(dir.File("spill"), connection.Scalar("select current_setting('temp_directory')"));
    }

    [Fact]
    public void An_unknown_option_in_the_connection_string_fails_with_its_name()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;no_such_option=1");

        var error = Assert.Throws<DuckDbException>(connection.Open);
        Assert.Contains("no_such_option", error.Message);
    }

    [Fact]
    public void A_bad_threads_value_is_rejected_with_the_allowed_range()
    {
        var builder = new DuckDbConnectionStringBuilder("Data Source=:memory:;Threads=zero");

        var error = Assert.Throws<ArgumentException>(() => builder.Threads);
        Assert.Contains("at least 1", error.Message);
    }

    [Fact]
    public void Two_connections_to_one_file_in_one_process_share_the_database()
    {
        using var dir = new TempDirectory();
        var path = dir.File("shared.duckdb");
        using var first = Db.OpenFile(path);
        using var second = Db.OpenFile(path);

        first.Execute("create table t as select 7 as x");

        Assert.Equal(7, second.Scalar("select x from t"));
    }

    [Fact]
    public void Parallel_threads_each_with_their_own_connection_to_one_file_all_succeed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("parallel.duckdb");
        using (var setup = Db.OpenFile(path))
        {
            setup.Execute("create table hits(worker integer, n integer)");
        }

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            using var connection = Db.OpenFile(path);
            for (var i = 0; i < 50; i++)
            {
                connection.Execute("insert into hits values (?, ?)", worker, i);
                Assert.True((long)connection.Scalar("select count(*) from hits where worker = ?", worker)! > i);
            }
        });

        using var check = Db.OpenFile(path);
        Assert.Equal(400L, check.Scalar("select count(*) from hits"));
        Assert.Equal(8L, check.Scalar("select count(distinct worker) from hits"));
    }

    [Fact]
    public void Disposing_a_connection_while_a_reader_is_open_closes_the_reader_safely()
    {
        var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select range from range(100000)";
        var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        connection.Dispose();

        Assert.True(reader.IsClosed);
        Assert.False(reader.Read());
        Assert.Equal(ConnectionState.Closed, connection.State);
        reader.Dispose();
    }

    [Fact]
    public void A_second_command_while_a_reader_is_open_is_refused_clearly()
    {
        using var connection = Db.OpenMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "select 1";
        using var reader = command.ExecuteReader();

        var error = Assert.Throws<InvalidOperationException>(() => connection.Scalar("select 2"));
        Assert.Contains("open data reader", error.Message);
    }

    [Fact]
    public void Opening_one_file_with_other_options_in_the_same_process_fails_with_duckdbs_reason()
    {
        using var dir = new TempDirectory();
        var path = dir.File("locked.duckdb");
        using (var create = Db.OpenFile(path))
        {
            create.Execute("create table t(x integer)");
        }

        using var writer = Db.OpenFile(path);
        using var readOnly = new DuckDbConnection($"Data Source={path};Read Only=true");
        var error = Assert.Throws<DuckDbException>(readOnly.Open);
        Assert.Contains("different configuration", error.Message);
    }
}
