
namespace Analytics.DuckDb;

/// <summary>Plain commands on a warehouse connection with positional-by-name parameters (<c>$name</c>), DateOnly included.</summary>
public static class WarehouseSql
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> (name, value).</summary>
    public static int Execute(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, or null.</summary>
    public static object? Scalar(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>The rows of <paramref name="sql"/>, each mapped by <paramref name="map"/>.</summary>
    public static List<T> Query<T>(DuckDbConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static DuckDbCommand Command(DuckDbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDbParameter(name, value));
        }

        return command;
    }
}
