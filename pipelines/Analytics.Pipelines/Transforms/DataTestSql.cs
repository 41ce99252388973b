using System.Globalization;

namespace Analytics.Pipelines.Transforms;

/// <summary>The failing-rows queries of the generic data tests (dbt's unique, not_null, accepted_values, relationships).</summary>
internal static class DataTestSql
{
    /// <summary>The YAML spelling of a test kind (<c>not_null</c>, <c>accepted_values</c>, ...).</summary>
    public static string KindName(DataTestKind kind) => kind switch
    {
        DataTestKind.NotNull => "not_null",
        DataTestKind.AcceptedValues => "accepted_values",
        DataTestKind.UniqueCombination => "unique_combination",
        DataTestKind.ColumnsDocumented => "columns_documented",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A generic test's name: kind, model and column, e.g. <c>not_null_staging_partners_tier</c>.</summary>
    public static string DefaultName(DataTestKind kind, string model, string? column) =>
        string.Join('_', new[] { KindName(kind), model.Replace('.', '_'), column }.Where(p => p is not null));

    public static string Unique(string model, IReadOnlyList<string> columns)
    {
        var list = string.Join(", ", columns);
        var notNull = string.Join(" and ", columns.Select(c => $"{c} is not null"));
        return $"select {list}, count(*) as occurrences from {model} where {notNull} group by {list} having count(*) > 1";
    }

    public static string NotNull(string model, string column) => $"select * from {model} where {column} is null";

    public static string AcceptedValues(string model, string column, IReadOnlyList<string> values) =>
        $"select {column}, count(*) as occurrences from {model} where {column} is not null and cast({column} as varchar) not in ({string.Join(", ", values.Select(Literal))}) group by {column}";

    public static string Relationships(string model, string column, string to, string field) =>
        $"select child.* from {model} as child where child.{column} is not null and not exists (select 1 from {to} as parent where parent.{field} = child.{column})";

    public static string Where(string model, string predicate) => $"select * from {model} where {predicate}";

    /// <summary>The built-in test: columns the model outputs but YAML does not describe, and the reverse.</summary>
    public static DataTestDefinition ColumnsDocumented(string model, IReadOnlyList<ColumnDefinition> columns)
    {
        var schema = model[..model.IndexOf('.', StringComparison.Ordinal)];
        var table = model[(schema.Length + 1)..];
        var documented = columns.Count == 0 ? "select null::varchar as column_name where false" : $"select unnest([{string.Join(", ", columns.Select(c => Literal(c.Name)))}]) as column_name";
        var sql = $"""
            with actual as (
                select column_name from information_schema.columns
                where table_catalog = current_database() and table_schema = {Literal(schema)} and table_name = {Literal(table)}
            ),
            documented as ({documented})
            select column_name, 'produced by the model but not described in its YAML' as problem
            from actual where column_name not in (select column_name from documented)
            union all
            select column_name, 'described in YAML but not produced by the model' as problem
            from documented where column_name not in (select column_name from actual)
            """;
        return new DataTestDefinition(DefaultName(DataTestKind.ColumnsDocumented, model, null), model, null, DataTestKind.ColumnsDocumented,
            TestSeverity.Error, sql, new HashSet<string>(), "Every column of every model is described (the catalog documents each one).");
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A SQL literal for a number in invariant culture.</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
