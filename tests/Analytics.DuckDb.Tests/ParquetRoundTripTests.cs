namespace Analytics.DuckDb.Tests;

public sealed class ParquetRoundTripTests
{
    [Fact]
    public void A_hive_partitioned_parquet_folder_reads_back_exactly_with_its_partition_column()
    {
        using var dir = new TempDirectory();
        var lake = Path.Combine(dir.Path, "lake");
        using var connection = Db.OpenMemory();
        connection.Execute("""
            create table opportunities as
            select 'OPP' || lpad(range::varchar, 6, '0') as opportunity_id,
                   (['direct', 'referral', 'reseller', 'marketplace'])[1 + range % 4] as motion,
                   (range * 37 % 100000)::decimal(18,2) as arr,
                   date '2026-01-01' + (range % 3)::integer as snapshot_date
            from range(10000)
            """);

        connection.Execute($"copy opportunities to '{lake}' (format parquet, partition_by (snapshot_date))");

        Assert.Equal(3, Directory.GetDirectories(lake, "snapshot_date=*").Length);
        Assert.Equal(0L, connection.Scalar($"""
            select count(*) from (
                (select opportunity_id, motion, arr, snapshot_date from opportunities
                 except all
                 select opportunity_id, motion, arr, snapshot_date from read_parquet('{lake}/*/*.parquet', hive_partitioning = true))
                union all
                (select opportunity_id, motion, arr, snapshot_date from read_parquet('{lake}/*/*.parquet', hive_partitioning = true)
                 except all
                 select opportunity_id, motion, arr, snapshot_date from opportunities))
            """));
        Assert.Equal(10000L, connection.Scalar($"select count(*) from read_parquet('{lake}/*/*.parquet', hive_partitioning = true)"));
        Assert.Equal(3334L, connection.Scalar($"select count(*) from read_parquet('{lake}/*/*.parquet', hive_partitioning = true) where snapshot_date = date '2026-01-01'"));
    }

    [Fact]
    public void Parquet_keeps_decimal_and_timestamp_types()
    {
        using var dir = new TempDirectory();
        var file = dir.File("typed.parquet");
        using var connection = Db.OpenMemory();
        connection.Execute($"copy (select 12.34::decimal(18,2) as arr, timestamp '2026-11-21 10:00:00' as created_at) to '{file}' (format parquet)");

        using var command = connection.CreateCommand();
        command.CommandText = $"select arr, created_at from read_parquet('{file}')";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal("DECIMAL(18,2)", reader.GetDataTypeName(0));
        Assert.Equal(12.34m, reader.GetDecimal(0));
        Assert.Equal(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc), reader.GetDateTime(1));
    }
}
