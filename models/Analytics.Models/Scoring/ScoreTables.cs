using Analytics.DuckDb;
using Dapper;

namespace Analytics.Models.Scoring;

/// <summary>
/// Registers a table the scoring stage wrote in the warehouse's catalog (<c>catalog.models</c> and
/// <c>catalog.columns</c>), like the transform does for its models, so analysts find what every score column means.
/// </summary>
public static class ScoreTables
{
    /// <summary>
    /// Records <paramref name="table"/> (schema-qualified) with its description, grain and sources, and every column
    /// with its description. Replaces an earlier record of the same table.
    /// </summary>
    /// <exception cref="InvalidOperationException">A column of the table has no description, or a description names no column.</exception>
    public static void Describe(DuckDbConnection connection, string table, string description, string grain,
        IReadOnlyList<string> dependsOn, IReadOnlyDictionary<string, string> columns, string runId)
    {
        var (schema, name) = Split(table);
        var actual = connection.Query<(string Column, int Ordinal, string Type)>(
            "select column_name, ordinal_position::integer, data_type from information_schema.columns where table_schema = $schema and table_name = $name order by ordinal_position",
            new { schema, name }).ToList();
        if (actual.Count == 0)
        {
            throw new InvalidOperationException($"{table}: no such table to describe.");
        }

        var undescribed = actual.Select(c => c.Column).Where(c => !columns.ContainsKey(c)).ToList();
        var unknown = columns.Keys.Where(k => actual.All(c => c.Column != k)).ToList();
        if (undescribed.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{table}: columns without a description: [{string.Join(", ", undescribed)}]; descriptions of no column: [{string.Join(", ", unknown)}].");
        }

        var rows = connection.ExecuteScalar<long>($"select count(*) from {table}");
        connection.Execute("delete from catalog.models where model_name = $table", new { table });
        connection.Execute("delete from catalog.columns where model_name = $table", new { table });
        connection.Execute(
            """
            insert into catalog.models (model_name, schema_name, table_name, layer, materialization, description, grain, sql_file,
                depends_on, status, row_count, build_ms, error, run_id)
            values ($table, $schema, $name, $schema, 'table', $description, $grain, null,
                case when $dependsOn = '' then []::varchar[] else string_split($dependsOn, ',') end, 'built', $rows, null, null, $runId)
            """,
            new { table, schema, name, description, grain, dependsOn = string.Join(',', dependsOn), rows, runId });
        foreach (var (column, ordinal, type) in actual)
        {
            connection.Execute(
                "insert into catalog.columns values ($table, $schema, $name, $column, $ordinal, $type, $description)",
                new { table, schema, name, column, ordinal, type, description = columns[column] });
        }
    }

    private static (string Schema, string Name) Split(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (table[..dot], table[(dot + 1)..]) : throw new ArgumentException($"'{table}' is not schema-qualified.", nameof(table));
    }
}
