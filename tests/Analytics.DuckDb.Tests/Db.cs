namespace Analytics.DuckDb.Tests;

/// <summary>Small conveniences for tests: open connections and run SQL.</summary>
internal static class Db
{
    public static DuckDbConnection OpenMemory()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static DuckDbConnection OpenFile(string path, string extra = "")
    {
        var connection = new DuckDbConnection($"Data Source={path};{extra}");
        connection.Open();
        return connection;
    }

    public static int Execute(this DuckDbConnection connection, string sql, params object?[] positional)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in positional)
        {
            command.Parameters.AddPositional(value);
        }

        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DuckDbConnection connection, string sql, params object?[] positional)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in positional)
        {
            command.Parameters.AddPositional(value);
        }

        return command.ExecuteScalar();
    }
}
