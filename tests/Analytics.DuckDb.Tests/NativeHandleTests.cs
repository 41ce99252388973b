namespace Analytics.DuckDb.Tests;

public sealed class NativeHandleTests
{
    [Fact]
    public void After_all_connections_are_disposed_the_database_is_released_and_reopens_with_other_options()
    {
        using var dir = new TempDirectory();
        var path = dir.File("released.duckdb");
        for (var i = 0; i < 20; i++)
        {
            using var connection = Db.OpenFile(path);
            connection.Execute("create table if not exists t(x integer); insert into t values (1)");
            using var command = connection.CreateCommand();
            command.CommandText = "select x from t";
            using var reader = command.ExecuteReader();
            reader.Read();
        }

        // A leaked connection, result or prepared statement would keep the read-write instance alive, and DuckDB would
        // refuse to open the same file read-only in this process.
        using var readOnly = Db.OpenFile(path, "Read Only=true");
        Assert.Equal(20L, readOnly.Scalar("select count(*) from t"));
    }

    [Fact]
    public void A_command_disposed_before_its_reader_keeps_the_reader_working()
    {
        using var connection = Db.OpenMemory();
        var command = connection.CreateCommand();
        command.CommandText = "select range from range(5000)";
        using var reader = command.ExecuteReader();
        command.Dispose();

        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        Assert.Equal(5000, count);
    }
}
