using System.Data;
using System.Globalization;
using Analytics.Pipelines.Sources;
using Analytics.Pipelines.Sources.Files;
using Npgsql;

namespace Analytics.Sources.Postgres.Reading;

/// <summary>
/// One <c>REPEATABLE READ READ ONLY</c> transaction on the replica: every statement in it sees the same snapshot (taken
/// by its first query), so entities read one after the other are consistent with each other whatever commits meanwhile,
/// and nothing in it can write. Each statement is bounded by <c>statement_timeout</c>.
/// </summary>
internal sealed class ReplicaSnapshot : IDisposable
{
    private readonly ReplicaConnection _replica;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly TimeSpan _timeout;
    private int _savepoints;

    /// <summary>Opens the connection and begins the transaction.</summary>
    /// <exception cref="SourceException">The replica cannot be reached.</exception>
    public ReplicaSnapshot(ReplicaConnection replica, TimeSpan statementTimeout)
    {
        _replica = replica;
        _timeout = statementTimeout;
        _connection = replica.Open();
        try
        {
            _transaction = _connection.BeginTransaction(IsolationLevel.RepeatableRead);
            using var settings = Command(string.Create(CultureInfo.InvariantCulture,
                $"set transaction read only; set local statement_timeout = {(long)statementTimeout.TotalMilliseconds}"));
            settings.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            _connection.Dispose();
            throw new SourceException($"postgres: cannot begin a read-only snapshot on {replica.Description}: {replica.Redact(e.Message)}");
        }
    }

    /// <summary>The server's version as it reports it, e.g. <c>15.18</c>.</summary>
    public string ServerVersion => _connection.PostgreSqlVersion.ToString();

    /// <summary>
    /// Describes <paramref name="query"/>'s result columns without running it; on an SQL error (a missing table or column,
    /// a syntax error) returns the error's message instead, and the transaction stays usable.
    /// </summary>
    public (IReadOnlyList<Npgsql.Schema.NpgsqlDbColumn>? Columns, string? Error) Describe(EntityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guarded(query, () =>
        {
            using var command = Command(query.DescribeSql);
            using var reader = command.ExecuteReader(CommandBehavior.SchemaOnly);
            return (IReadOnlyList<Npgsql.Schema.NpgsqlDbColumn>)reader.GetColumnSchema();
        });
    }

    /// <summary>Counts the rows of <paramref name="query"/>'s relation; on an SQL error returns its message instead.</summary>
    public (long? Count, string? Error) Count(EntityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (count, error) = Guarded(query, () =>
        {
            using var command = Command(query.CountSql);
            return (object?)Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
        return ((long?)count, error);
    }

    /// <summary>Streams the rows of <paramref name="query"/> as canonical rows (texts by the shape's columns), ordered by primary key.</summary>
    /// <exception cref="SourceException">The query fails or is cancelled (statement timeout, a conflict with recovery on a standby).</exception>
    public IEnumerable<CanonicalRow> Rows(EntityQuery query, EntityShape shape)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(shape);
        using var command = Command(query.ReadSql(shape));
        using var reader = Translate(query, () => command.ExecuteReader(CommandBehavior.SequentialAccess));
        var rows = new ReplicaRows(reader, shape, query.Mapping);
        using var enumerator = rows.GetEnumerator();
        while (Translate(query, () => enumerator.MoveNext()))
        {
            yield return enumerator.Current;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction)
    {
        // The server's statement_timeout bounds the statement; the client waits a little longer so that the server's
        // own message (which names the timeout) is the one seen.
        CommandTimeout = (int)Math.Min(int.MaxValue, _timeout.TotalSeconds + 30),
    };

    private (T? Value, string? Error) Guarded<T>(EntityQuery query, Func<T> action)
    {
        var savepoint = $"check_{++_savepoints}";
        _transaction.Save(savepoint);
        try
        {
            var value = action();
            _transaction.Release(savepoint);
            return (value, null);
        }
        catch (PostgresException e) when (e.SqlState is not (PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.AdminShutdown))
        {
            _transaction.Rollback(savepoint);
            return (default, $"postgres {query.Name}: {Explain(query, e)}");
        }
        catch (NpgsqlException e)
        {
            throw Failure(query, e);
        }
    }

    private T Translate<T>(EntityQuery query, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException e)
        {
            throw Failure(query, e);
        }
    }

    private SourceException Failure(EntityQuery query, NpgsqlException e)
    {
        if (e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
        {
            var seconds = _timeout.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture);
            return new SourceException($"postgres {query.Name}: the query ran longer than the statement timeout of {seconds} s and was cancelled; nothing was landed. "
                + "Raise source.postgres.statement_timeout_seconds, or give the query an index to order by the primary key.");
        }

        if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
        {
            return new SourceException($"postgres {query.Name}: the replica cancelled the read ({_replica.Redact(e.Message)}); nothing was landed. "
                + "On a standby this is a conflict with recovery: raise max_standby_streaming_delay or turn on hot_standby_feedback for this user, then run again.");
        }

        return new SourceException($"postgres {query.Name}: {(e is PostgresException pg ? Explain(query, pg) : _replica.Redact(e.Message).TrimEnd('.') + ".")} Nothing was landed.");
    }

    private string Explain(EntityQuery query, PostgresException e)
    {
        var hint = e.SqlState switch
        {
            PostgresErrorCodes.UndefinedColumn when query.Mapping.Table is not null =>
                $" Map it under source.postgres.entities.{query.Entity.Name}.columns (to the table's column, an SQL expression, or null).",
            PostgresErrorCodes.UndefinedTable => " Check the table's name and schema, and that the user may read it.",
            PostgresErrorCodes.InsufficientPrivilege => $" Grant the user SELECT on what the {query.Entity.Name} mapping reads.",
            PostgresErrorCodes.ReadOnlySqlTransaction => " The source reads in a read-only transaction: the query must not write.",
            _ => string.Empty,
        };
        return _replica.Redact($"{e.MessageText} (SQLSTATE {e.SqlState}).{hint}");
    }
}
