namespace Analytics.DuckDb.Tests;

public sealed class DuckDbTransactionTests
{
    [Fact]
    public void Committed_changes_are_visible_to_other_connections()
    {
        using var dir = new TempDirectory();
        using var writer = Db.OpenFile(dir.File("tx.duckdb"));
        using var observer = Db.OpenFile(dir.File("tx.duckdb"));
        writer.Execute("create table t(x integer)");

        using (var transaction = writer.BeginTransaction())
        {
            writer.Execute("insert into t values (1)");
            Assert.Equal(0L, observer.Scalar("select count(*) from t"));
            transaction.Commit();
        }

        Assert.Equal(1L, observer.Scalar("select count(*) from t"));
    }

    [Fact]
    public void Rolled_back_changes_disappear()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x integer)");

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("insert into t values (1)");
            transaction.Rollback();
        }

        Assert.Equal(0L, connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void A_transaction_disposed_without_commit_is_rolled_back()
    {
        using var connection = Db.OpenMemory();
        connection.Execute("create table t(x integer)");

        using (connection.BeginTransaction())
        {
            connection.Execute("insert into t values (1)");
        }

        Assert.Equal(0L, connection.Scalar("select count(*) from t"));
    }

    [Fact]
    public void Nested_transactions_are_refused()
    {
        using var connection = Db.OpenMemory();
        using var transaction = connection.BeginTransaction();

        Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
    }

    [Fact]
    public void Closing_the_connection_rolls_back_an_open_transaction()
    {
        using var dir = new TempDirectory();
        var path = dir.File("close.duckdb");
        using (var connection = Db.OpenFile(path))
        {
            connection.Execute("create table t(x integer)");
            connection.BeginTransaction();
            connection.Execute("insert into t values (1)");
        }

        using var reopened = Db.OpenFile(path);
        Assert.Equal(0L, reopened.Scalar("select count(*) from t"));
    }
}
