namespace Analytics.Pipelines.Transforms;

/// <summary>
/// A data test: a query returning the rows that break a rule. Zero rows is a pass; any row is a failure of
/// <see cref="Severity"/>.
/// </summary>
/// <param name="Name">Unique test name, e.g. <c>unique_staging_partners_partner_id</c>; names the failing-rows table.</param>
/// <param name="Model">Qualified name of the model it is declared on.</param>
/// <param name="Column">The column, for column tests.</param>
/// <param name="Kind">What it checks.</param>
/// <param name="Severity">What a failure does to the build.</param>
/// <param name="FailingRowsSql">The SELECT returning failing rows.</param>
/// <param name="References">Other models the test reads (a relationship's target, an expression's tables).</param>
/// <param name="Description">The rule in words: the YAML's description, or one derived from the test's kind when it gives none.</param>
public sealed record DataTestDefinition(
    string Name,
    string Model,
    string? Column,
    DataTestKind Kind,
    TestSeverity Severity,
    string FailingRowsSql,
    IReadOnlySet<string> References,
    string? Description);
