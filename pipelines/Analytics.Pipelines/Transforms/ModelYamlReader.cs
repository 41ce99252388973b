using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// Reads a model's YAML file (or a table's, <see cref="TableDescriptions"/>): <c>models:</c>, each with name,
/// description, grain, materialized (table | view), columns (name, description, tests), model-level tests and the
/// metrics the model defines (name, label, definition, see: the tables and documents a reader is pointed to). Tests are written as in dbt: a bare name
/// (<c>unique</c>, <c>not_null</c>) or a one-key mapping (<c>accepted_values: {values: [...]}</c>,
/// <c>relationships: {to: schema.model, field: column}</c>, <c>unique_combination: {columns: [...]}</c>,
/// <c>expression: {name: ..., where: ... | sql: ...}</c>), each with an optional <c>severity: warn | error</c>.
/// Unknown keys are errors naming the file and line.
/// </summary>
internal static partial class ModelYamlReader
{
    public static bool IsIdentifier(string text) => Identifier().IsMatch(text);

    public static IReadOnlyList<ModelYaml> Read(string file, string layer)
    {
        using var reader = new StreamReader(file);
        return Read(file, layer, reader);
    }

    /// <summary>Reads YAML text from <paramref name="reader"/>; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<ModelYaml> Read(string file, string layer, TextReader reader)
    {
        var stream = new YamlStream();
        var yaml = reader.ReadToEnd(); // whole, so a syntax error can be placed exactly (a model's yml is small)
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw YamlSyntaxError.From(file, yaml, e);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        var root = new YamlSection(file, string.Empty, stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigurationException($"{file}:1: expected a mapping with a 'models:' list."));
        var models = root.Sequence("models").Select(node => ReadModel(file, layer, node)).ToList();
        root.RejectUnknownKeys();
        return models;
    }

    private static ModelYaml ReadModel(string file, string layer, YamlNode node)
    {
        var section = Mapping(file, "models", node);
        var table = Name(section, "name");
        var columns = new List<ColumnDefinition>();
        var tests = new List<TestYaml>();
        foreach (var columnNode in section.Sequence("columns"))
        {
            var column = Mapping(file, $"{table}.columns", columnNode);
            var name = Name(column, "name");
            if (columns.Any(c => c.Name == name))
            {
                throw new ConfigurationException($"{file}:{column.Line}: column '{name}' of '{layer}.{table}' is described twice.");
            }

            columns.Add(new ColumnDefinition(name, column.RequiredString("description")));
            tests.AddRange(column.Sequence("tests").Select(test => ReadTest(file, test, name)));
            column.RejectUnknownKeys();
        }

        tests.AddRange(section.Sequence("tests").Select(test => ReadTest(file, test, null)));
        var metrics = new List<MetricDefinition>();
        foreach (var metricNode in section.Sequence("metrics"))
        {
            var metric = Mapping(file, $"{table}.metrics", metricNode);
            var name = Name(metric, "name");
            if (metrics.Any(m => m.Name == name))
            {
                throw new ConfigurationException($"{file}:{metric.Line}: metric '{name}' of '{layer}.{table}' is defined twice.");
            }

            metrics.Add(new MetricDefinition(name, $"{layer}.{table}", metric.RequiredString("label"), metric.RequiredString("definition"), metric.Strings("see")));
            metric.RejectUnknownKeys();
        }

        var model = new ModelYaml(file, section.Line, layer, table, section.RequiredString("description"), section.String("grain", string.Empty),
            section.Enum("materialized", Materialization.Table), columns, tests, metrics);
        section.RejectUnknownKeys();
        return model;
    }

    private static TestYaml ReadTest(string file, YamlNode node, string? column)
    {
        var line = node.Start.Line;
        if (node is YamlScalarNode { Value: { } bare })
        {
            return bare switch
            {
                "unique" when column is not null => new TestYaml(file, line, DataTestKind.Unique, column, null, TestSeverity.Error, null, [], null, null, null, null),
                "not_null" when column is not null => new TestYaml(file, line, DataTestKind.NotNull, column, null, TestSeverity.Error, null, [], null, null, null, null),
                _ => throw new ConfigurationException($"{file}:{line}: unknown test '{bare}'{(column is null ? " on a model" : string.Empty)}; "
                    + "column tests: unique, not_null, accepted_values, relationships, expression; model tests: unique_combination, expression."),
            };
        }

        if (node is not YamlMappingNode { Children.Count: 1 } mapping || mapping.Children.First().Key is not YamlScalarNode { Value: { } kindName })
        {
            throw new ConfigurationException($"{file}:{line}: a test is a name (unique) or a one-key mapping (accepted_values: {{values: [...]}}).");
        }

        var arguments = Mapping(file, kindName, mapping.Children.First().Value);
        var severity = arguments.Enum("severity", TestSeverity.Error);
        var name = arguments.OptionalString("name");
        if (name is not null && !IsIdentifier(name))
        {
            throw arguments.Error("name", "must be a lowercase SQL identifier (it names the failing-rows table)");
        }

        var description = arguments.OptionalString("description");
        var test = (kindName, column) switch
        {
            ("unique", not null) => new TestYaml(file, line, DataTestKind.Unique, column, name, severity, description, [], null, null, null, null),
            ("not_null", not null) => new TestYaml(file, line, DataTestKind.NotNull, column, name, severity, description, [], null, null, null, null),
            ("accepted_values", not null) => new TestYaml(file, line, DataTestKind.AcceptedValues, column, name, severity, description,
                NonEmpty(arguments, "values"), null, null, null, null),
            ("relationships", not null) => new TestYaml(file, line, DataTestKind.Relationships, column, name, severity, description, [],
                QualifiedName(arguments, "to"), Name(arguments, "field"), null, null),
            ("unique_combination", null) => new TestYaml(file, line, DataTestKind.UniqueCombination, null, name, severity, description,
                NonEmpty(arguments, "columns").Select(c => IsIdentifier(c) ? c : throw arguments.Error("columns", $"holds '{c}', which is not a column name")).ToList(),
                null, null, null, null),
            ("expression", _) => Expression(file, line, arguments, column, name, severity, description),
            _ => throw new ConfigurationException($"{file}:{line}: unknown test '{kindName}'{(column is null ? " on a model" : " on a column")}; "
                + "column tests: unique, not_null, accepted_values, relationships, expression; model tests: unique_combination, expression."),
        };
        arguments.RejectUnknownKeys();
        return test;
    }

    private static TestYaml Expression(string file, long line, YamlSection arguments, string? column, string? name, TestSeverity severity, string? description)
    {
        if (name is null)
        {
            throw new ConfigurationException($"{file}:{line}: an expression test needs a name (it names the failing-rows table).");
        }

        var where = arguments.OptionalString("where");
        var sql = arguments.OptionalString("sql");
        if ((where is null) == (sql is null))
        {
            throw new ConfigurationException($"{file}:{line}: expression test '{name}' needs exactly one of where: (a predicate over the model's rows) or sql: (a query returning failing rows).");
        }

        return new TestYaml(file, line, DataTestKind.Expression, column, name, severity, description, [], null, null, where, sql?.Trim().TrimEnd(';'));
    }

    private static YamlSection Mapping(string file, string path, YamlNode node) => node is YamlMappingNode mapping
        ? new YamlSection(file, path, mapping)
        : throw new ConfigurationException($"{file}:{node.Start.Line}: '{path}' entries must be mappings (key: value).");

    private static string Name(YamlSection section, string key)
    {
        var value = section.RequiredString(key);
        return IsIdentifier(value) ? value : throw section.Error(key, $"must be a lowercase SQL identifier (letters, digits, underscores), not '{value}'");
    }

    private static string QualifiedName(YamlSection section, string key)
    {
        var value = section.RequiredString(key);
        var parts = value.Split('.');
        return parts.Length == 2 && parts.All(IsIdentifier) ? value : throw section.Error(key, $"must name a model as schema.name, not '{value}'");
    }

    private static IReadOnlyList<string> NonEmpty(YamlSection section, string key)
    {
        var values = section.Strings(key);
        return values.Count > 0 ? values : throw section.Error(key, "must list at least one value");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
