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
        return new DataTestDefinition(name, model, Column, Kind, Severity, sql, references, Description ?? Rule(model, name));
    }

    /// <summary>
    /// The rule in words when the YAML gives no description, so the catalog and the data dictionary state every test's
    /// rule: "motion is one of: ...", or an expression test's name read as words ("Counts add up").
    /// </summary>
    private string Rule(string model, string name) => Kind switch
    {
        DataTestKind.Unique => $"No two rows have the same {Column}.",
        DataTestKind.UniqueCombination => $"No two rows have the same ({string.Join(", ", Values)}).",
        DataTestKind.NotNull => $"{Column} is never null.",
        DataTestKind.AcceptedValues => $"{Column} is one of: {string.Join(", ", Values)} (or null).",
        DataTestKind.Relationships => $"Every {Column} (when not null) is a {Field} of {To}.",
        DataTestKind.Expression when Where is not null => $"{NameInWords(model, name)}: no row matches `{Where}`.",
        _ => $"{NameInWords(model, name)}.",
    };

    /// <summary><c>registration_sla_counts_add_up</c> on marts.registration_sla reads "Counts add up".</summary>
    private static string NameInWords(string model, string name)
    {
        var table = model[(model.IndexOf('.', StringComparison.Ordinal) + 1)..] + "_";
        var words = (name.StartsWith(table, StringComparison.Ordinal) && name.Length > table.Length ? name[table.Length..] : name).Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
