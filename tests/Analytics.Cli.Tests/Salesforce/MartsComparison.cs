using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>
/// Compares every table of one schema (the marts) of two warehouses row for row (as multisets), ignoring run-specific
/// columns and the last bits of floating-point aggregates.
/// </summary>
internal static class MartsComparison
{
    private static readonly string[] RunColumns = ["run_id", "built_at", "run_started_at", "landed_at"];

    /// <summary>The marts tables of <paramref name="expected"/>, each with how many rows differ either way; empty when identical.</summary>
    public static (IReadOnlyList<string> Tables, IReadOnlyList<string> Differences) Compare(string expected, string actual, string schema = "marts")
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"attach '{expected.Replace("'", "''", StringComparison.Ordinal)}' as a (read_only)");
        Execute(connection, $"attach '{actual.Replace("'", "''", StringComparison.Ordinal)}' as b (read_only)");
        var tablesA = Strings(connection, $"select table_name from information_schema.tables where table_catalog = 'a' and table_schema = '{schema}' order by 1");
        var tablesB = Strings(connection, $"select table_name from information_schema.tables where table_catalog = 'b' and table_schema = '{schema}' order by 1");
        var differences = new List<string>();
        foreach (var missing in tablesA.Except(tablesB))
        {
            differences.Add($"{schema}.{missing}: missing from the second warehouse");
        }

        foreach (var extra in tablesB.Except(tablesA))
        {
            differences.Add($"{schema}.{extra}: only in the second warehouse");
        }

        foreach (var table in tablesA.Intersect(tablesB))
        {
            // Floating-point aggregates (means, medians) may differ in the last bits between two builds of the same rows:
            // DuckDB sums in parallel, in no fixed order. They are compared to 9 decimals; every other type exactly.
            var columns = Strings(connection, $"select column_name || '|' || data_type from information_schema.columns where table_catalog = 'a' and table_schema = '{schema}' and table_name = '{table}' order by ordinal_position")
                .Select(c => c.Split('|', 2))
                .Where(c => !RunColumns.Contains(c[0]))
                .Select(c => c[1] is "DOUBLE" or "FLOAT" ? $"round(\"{c[0]}\", 9) as \"{c[0]}\"" : $"\"{c[0]}\"").ToList();
            var list = string.Join(", ", columns);
            var onlyA = Long(connection, $"select count(*) from (select {list} from a.{schema}.\"{table}\" except all select {list} from b.{schema}.\"{table}\")");
            var onlyB = Long(connection, $"select count(*) from (select {list} from b.{schema}.\"{table}\" except all select {list} from a.{schema}.\"{table}\")");
            var rows = Long(connection, $"select count(*) from a.{schema}.\"{table}\"");
            if (onlyA + onlyB > 0)
            {
                var sample = Strings(connection, $"select ({list})::varchar from (select {list} from a.{schema}.\"{table}\" except all select {list} from b.{schema}.\"{table}\") limit 2");
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{schema}.{table} ({rows} rows): {onlyA} only in the first, {onlyB} only in the second; e.g. {string.Join(" | ", sample)}"));
            }
        }

        return (tablesA, differences);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Long(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "NULL" : reader.GetValue(0).ToString()!);
        }

        return values;
    }
}
