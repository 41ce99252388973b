namespace Analytics.Pipelines.Transforms;

/// <summary>One data test as written in YAML (on a column when <see cref="Column"/> is set).</summary>
internal sealed record TestYaml(
    string File,
    long Line,
    DataTestKind Kind,
    string? Column,
    string? Name,
    TestSeverity Severity,
    string? Description,
    IReadOnlyList<string> Values,
    string? To,
    string? Field,
    string? Where,
    string? Sql)
{
    /// <summary>The test, its SQL generated against <paramref name="model"/>.</summary>
    public DataTestDefinition Bind(string model)
    {
        var sql = Kind switch
        {
            DataTestKind.Unique => DataTestSql.Unique(model, [Column!]),
            DataTestKind.UniqueCombination => DataTestSql.Unique(model, Values),
            DataTestKind.NotNull => DataTestSql.NotNull(model, Column!),
            DataTestKind.AcceptedValues => DataTestSql.AcceptedValues(model, Column!, Values),
            DataTestKind.Relationships => DataTestSql.Relationships(model, Column!, To!, Field!),
            DataTestKind.Expression => Sql ?? DataTestSql.Where(model, Where!),
            _ => throw new InvalidOperationException($"{Kind} tests are not declared in YAML."),
        };
        var name = Name ?? DataTestSql.DefaultName(Kind, model, Column);
        var references = SqlReferences.Find(sql, TransformProject.Layers);
        return new DataTestDefinition(name, model, Column, Kind, Severity, sql, references, Description);
    }
}
