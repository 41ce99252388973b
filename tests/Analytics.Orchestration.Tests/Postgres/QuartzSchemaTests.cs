using Analytics.Orchestration.Scheduling;
using Analytics.TestSupport.Postgres;
using Npgsql;
using Quartz;

namespace Analytics.Orchestration.Tests.Postgres;

[Collection(PostgresServer.Collection)]
public sealed class QuartzSchemaTests(PostgresServerFixture server)
{
    private const int QuartzTables = 15;

    [Fact]
    public async Task CreateAsync_makes_a_schema_Quartz_validates_and_running_it_twice_is_harmless()
    {
        var database = await server.CreateDatabaseAsync();

        var first = await QuartzSchema.CreateAsync(database, CancellationToken.None);
        var shape = await ShapeAsync(database);
        var second = await QuartzSchema.CreateAsync(database, CancellationToken.None);

        Assert.Equal(QuartzTables, first);
        Assert.Equal(QuartzTables, second);
        Assert.Equal(shape, await ShapeAsync(database));
        await using var factory = QuartzSchedulerBuilder.Create(q => QuartzStore.Configure(q, Settings(database))).Build();
        var scheduler = await factory.GetScheduler();
        await scheduler.Start(); // SchemaProvisioning.Validate throws here when a table or column is missing
        var metadata = await scheduler.GetMetadata();
        Assert.Equal(SchedulerStatus.Running, metadata.Status);
        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);
        await scheduler.Shutdown(waitForJobsToComplete: true);
    }

    [Fact]
    public async Task Nodes_creating_the_schema_at_the_same_time_all_succeed()
    {
        var database = await server.CreateDatabaseAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => QuartzSchema.CreateAsync(database, CancellationToken.None)));

        Assert.All(counts, count => Assert.Equal(QuartzTables, count));
    }

    [Fact]
    public async Task The_DDL_makes_the_same_tables_columns_and_indexes_Quartz_would_make_for_itself()
    {
        var ours = await server.CreateDatabaseAsync();
        var quartzs = await server.CreateDatabaseAsync();
        await QuartzSchema.CreateAsync(ours, CancellationToken.None);
        await using (var factory = QuartzSchedulerBuilder.Create(q => q.UsePersistentStore(store =>
                     {
                         store.UsePostgres(quartzs);
                         store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                         store.ProvisionSchema(); // only here, as the reference to compare against
                     })).Build())
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.Start();
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        var expected = await ShapeAsync(quartzs);
        var actual = await ShapeAsync(ours);

        Assert.Equal(expected.Except(actual), []);
        Assert.Equal(actual.Except(expected), []);
        Assert.Equal(QuartzTables, expected.Count(line => line.StartsWith("table ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateAsync_on_an_unreachable_server_names_host_and_database_but_never_the_password()
    {
        const string password = "n0t-to-be-pr1nted";
        var unreachable = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "warehouse_schedules",
            Username = "scheduler",
            Password = password,
            Timeout = 5,
        }.ConnectionString;

        var error = await Assert.ThrowsAsync<SchedulerStoreException>(() => QuartzSchema.CreateAsync(unreachable, CancellationToken.None));

        Assert.Contains("database 'warehouse_schedules' on host 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_as_an_account_that_may_not_create_tables_says_permission_denied_and_creates_nothing()
    {
        var database = await server.CreateDatabaseAsync();
        await PostgresServer.ExecuteAsync(database, "create role schedule_reader login");
        var asReader = new NpgsqlConnectionStringBuilder(database) { Username = "schedule_reader", Password = "s3cret" };

        var error = await Assert.ThrowsAsync<SchedulerStoreException>(
            () => QuartzSchema.CreateAsync(asReader.ConnectionString, CancellationToken.None));

        Assert.Contains($"database '{asReader.Database}' on host 127.0.0.1:{server.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("permission denied for schema public", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await ShapeAsync(database));
    }

    [Fact]
    public void The_DDL_is_idempotent_statement_by_statement()
    {
        var code = QuartzSchema.Ddl.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        var statements = string.Join('\n', code).Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

        Assert.Equal(31, statements.Count);
        Assert.All(statements, s => Assert.Matches(@"^(create (table|index) if not exists|select pg_advisory_xact_lock)\b", s));
        Assert.DoesNotContain("drop ", QuartzSchema.Ddl, StringComparison.OrdinalIgnoreCase);
    }

    internal static SchedulerStoreSettings Settings(string database, string? instanceId = null) =>
        new(database, "analytics", instanceId, TimeSpan.FromSeconds(1));

    /// <summary>Every qrtz_ table, column (type, nullability, default) and index of the database, one line each.</summary>
    internal static async Task<List<string>> ShapeAsync(string connectionString)
    {
        const string sql = """
            select 'table ' || table_name from information_schema.tables
             where table_schema = current_schema() and table_name like 'qrtz\_%'
            union all
            select 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || character_maximum_length || ')', '')
                   || case when is_nullable = 'NO' then ' not null' else '' end
                   || coalesce(' default ' || column_default, '')
              from information_schema.columns
             where table_schema = current_schema() and table_name like 'qrtz\_%'
            union all
            select 'index ' || indexdef from pg_indexes
             where schemaname = current_schema() and tablename like 'qrtz\_%'
            union all
            select 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint
             where conrelid::regclass::text like 'qrtz\_%'
            order by 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
