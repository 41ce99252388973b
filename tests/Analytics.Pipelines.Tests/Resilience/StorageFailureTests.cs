using Analytics.Pipelines.Resilience;
using Analytics.Pipelines.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Pipelines.Tests.Resilience;

public sealed class StorageFailureTests
{
    /// <summary>A real DuckDB error of a write that found the disk full: /dev/full answers every write with ENOSPC.</summary>
    internal static DuckDBException DuckDbDiskFull()
    {
        using var connection = DuckDbFile.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "copy (select range as n from range(100000)) to '/dev/full' (format csv)";
        return Assert.Throws<DuckDBException>(() => command.ExecuteNonQuery());
    }

    /// <summary>What .NET throws on Linux when a write finds the disk full (errno 28 as the HResult).</summary>
    internal static IOException DiskFull(string path) => new($"No space left on device : '{path}'", 28);

    [Fact]
    public void A_DuckDB_write_to_a_full_disk_is_permanent_and_says_the_disk_is_full()
    {
        var error = DuckDbDiskFull();

        Assert.True(StorageFailure.IsPermanent(error), error.Message);
        Assert.True(StorageFailure.IsDiskFull(error), error.Message);
    }

    [Fact]
    public void An_IOException_with_ENOSPC_is_permanent_even_wrapped()
    {
        var wrapped = new InvalidOperationException("landing failed", DiskFull("/data/lake/raw/partners/x.parquet"));

        Assert.True(StorageFailure.IsPermanent(wrapped));
        Assert.True(StorageFailure.IsDiskFull(wrapped));
    }

    [Fact]
    public void A_DuckDB_io_error_is_permanent_but_not_a_full_disk()
    {
        using var connection = DuckDbFile.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = "copy (select 1 as n) to '/nonexistent-folder/x.csv' (format csv)";
        var error = Assert.Throws<DuckDBException>(() => command.ExecuteNonQuery());

        Assert.True(StorageFailure.IsPermanent(error), error.Message);
        Assert.False(StorageFailure.IsDiskFull(error), error.Message);
    }

    [Theory]
    [InlineData("database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.")]
    [InlineData("No space left on device")]
    public void Messages_of_an_invalidated_database_or_a_full_disk_are_permanent(string message) =>
        Assert.True(StorageFailure.IsPermanent(new InvalidOperationException(message)));

    [Fact]
    public void Passing_failures_stay_retryable()
    {
        Assert.False(StorageFailure.IsPermanent(new IOException("The process cannot access the file '/data/runs/.run.lock' because it is being used by another process.", 11)));
        Assert.False(StorageFailure.IsPermanent(new TimeoutException("the CRM did not answer")));
        Assert.False(StorageFailure.IsPermanent(new InvalidOperationException("source down")));
    }

    [Fact]
    public void Describe_names_what_could_not_be_written_and_that_the_disk_is_full()
    {
        var message = StorageFailure.Describe(DiskFull("/data/warehouse/.analytics.duckdb.build-x.wal"), "the warehouse build file /data/warehouse/.analytics.duckdb.build-x");

        Assert.Equal("could not write the warehouse build file /data/warehouse/.analytics.duckdb.build-x: the disk is full (no space left on device); "
            + "free space there and run again (not retried). Error: No space left on device : '/data/warehouse/.analytics.duckdb.build-x.wal'", message);
    }
}
