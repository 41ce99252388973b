using Npgsql;

namespace Analytics.Orchestration.Scheduling;

/// <summary>
/// Creates the tables Quartz's PostgreSQL job store needs, from our own DDL (<c>quartz-postgres.sql</c>, embedded).
/// The scheduler itself only validates the schema at startup, so this is the one place the schema is made.
/// </summary>
public static class QuartzSchema
{
    /// <summary>The prefix of every Quartz table, as the DDL spells it and <see cref="QuartzStore"/> configures it.</summary>
    public const string TablePrefix = "qrtz_";

    private const string ResourceName = "Analytics.Orchestration.Scheduling.quartz-postgres.sql";

    private static readonly Lazy<string> s_ddl = new(ReadDdl);

    /// <summary>The DDL: idempotent <c>create table/index if not exists</c> statements for every Quartz table.</summary>
    public static string Ddl => s_ddl.Value;

    /// <summary>
    /// Runs <see cref="Ddl"/> in one transaction, creating whatever tables and indexes are missing; running it again
    /// is harmless.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; its account needs permission to create tables.</param>
    /// <param name="ct">Cancels the connection and the statements.</param>
    /// <returns>How many <c>qrtz_</c> tables the connection's current schema holds afterwards.</returns>
    /// <exception cref="SchedulerStoreException">
    /// The database cannot be reached or the tables cannot be created; the message names host and database and the
    /// cause.
    /// </exception>
    public static async Task<int> CreateAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var target = DescribeTarget(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                await using var create = new NpgsqlCommand(Ddl, connection, transaction);
                await create.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }

            await using var count = new NpgsqlCommand(
                @"select count(*) from pg_catalog.pg_tables where schemaname = current_schema() and tablename like 'qrtz\_%'",
                connection);
            return Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException ex)
        {
            throw new SchedulerStoreException($"Could not create the Quartz tables in {target}: {Cause(ex)}", ex);
        }
    }

    /// <summary>"database 'x' on host h:port", read from the connection string without its password.</summary>
    internal static string DescribeTarget(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new SchedulerStoreException($"The scheduler store's PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        var database = parsed.Database ?? parsed.Username ?? "(default)";
        return $"database '{database}' on host {parsed.Host ?? "(default)"}:{parsed.Port}";
    }

    // The driver's message and those of its inner exceptions ("Failed to connect to ..." then "Connection refused"),
    // none of which carries the connection string.
    private static string Cause(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(" — ", messages);
    }

    private static string ReadDdl()
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
