namespace Analytics.Pipelines.Transforms;

/// <summary>One model's entry in its YAML file, before its tests are bound to the model's name.</summary>
internal sealed record ModelYaml(
    string File,
    long Line,
    string Layer,
    string Table,
    string Description,
    string Grain,
    Materialization Materialization,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<TestYaml> TestEntries,
    IReadOnlyList<MetricDefinition> Metrics)
{
    /// <summary>The model's tests, the built-in columns_documented check first.</summary>
    public IReadOnlyList<DataTestDefinition> Tests(string model)
    {
        var tests = new List<DataTestDefinition> { DataTestSql.ColumnsDocumented(model, Columns) };
        tests.AddRange(TestEntries.Select(entry => entry.Bind(model)));
        return tests;
    }
}
