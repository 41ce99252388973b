using System.Data;
using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>A DuckDB transaction (snapshot isolation), begun with <c>BEGIN TRANSACTION</c>.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private readonly DuckDbConnection _connection;
    private bool _finished;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        IsolationLevel = isolationLevel == IsolationLevel.Unspecified ? IsolationLevel.Snapshot : isolationLevel;
        Execute("BEGIN TRANSACTION");
        connection.CurrentTransaction = this;
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel { get; }

    /// <inheritdoc />
    protected override DbConnection DbConnection => _connection;

    /// <inheritdoc />
    public override void Commit() => Finish("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Finish("ROLLBACK");

    /// <summary>Rolls back during connection close; a failure there has nowhere useful to go.</summary>
    internal void RollbackQuietly()
    {
        try
        {
            Finish("ROLLBACK");
        }
        catch (DuckDbException)
        {
            // The connection is closing; DuckDB discards the transaction with it.
            _finished = true;
            _connection.CurrentTransaction = null;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished && _connection.State == ConnectionState.Open)
        {
            RollbackQuietly();
        }

        base.Dispose(disposing);
    }

    private void Finish(string statement)
    {
        if (_finished)
        {
            throw new InvalidOperationException("This transaction has already been committed or rolled back.");
        }

        _finished = true;
        _connection.CurrentTransaction = null;
        Execute(statement);
    }

    private void Execute(string statement)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }
}
