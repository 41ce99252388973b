namespace Analytics.Pipelines.Transforms;

/// <summary>
/// One SQL model: <c>&lt;layer&gt;/&lt;name&gt;.sql</c> under the transforms folder, materialised as the table (or view)
/// <c>&lt;layer&gt;.&lt;name&gt;</c>, with the description, grain, columns, data tests and metrics of its <c>&lt;name&gt;.yml</c>.
/// </summary>
/// <param name="Name">Qualified name, e.g. <c>marts.win_rates</c>.</param>
/// <param name="Layer">The schema, which is the folder: staging, intermediate or marts.</param>
/// <param name="Table">The table name inside the schema.</param>
/// <param name="SqlFile">The SQL file (absolute path).</param>
/// <param name="Sql">The model's SELECT.</param>
/// <param name="Description">What the model holds.</param>
/// <param name="Grain">What one row is.</param>
/// <param name="Materialization">Table (the default) or view.</param>
/// <param name="Columns">Documented columns, in YAML order.</param>
/// <param name="Tests">Data tests declared on the model and its columns.</param>
/// <param name="References">Models and lake sources its SQL reads, by qualified name.</param>
/// <param name="Metrics">The business figures its YAML defines (<c>metrics:</c>).</param>
public sealed record ModelDefinition(
    string Name,
    string Layer,
    string Table,
    string SqlFile,
    string Sql,
    string Description,
    string Grain,
    Materialization Materialization,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<DataTestDefinition> Tests,
    IReadOnlySet<string> References,
    IReadOnlyList<MetricDefinition> Metrics);
