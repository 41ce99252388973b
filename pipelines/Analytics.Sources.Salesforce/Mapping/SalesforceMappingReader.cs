using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Salesforce.Mapping;

/// <summary>Reads <c>mapping:</c> sections (pipeline.yaml's overrides and the compiled-in default) with errors naming file, line and key.</summary>
internal static partial class SalesforceMappingReader
{
    /// <summary>The helper column of an entity that has stage_index but no motion (stage_history): read only to derive stage_index.</summary>
    public const string MotionHelper = "motion";

    /// <summary>
    /// The helper column naming an opportunity's sales process (in Salesforce, its record type), read only to derive
    /// stage_index: two motions share a stage name at different positions (commercials), and the motion field may be
    /// blank (a hygiene gap) while the sales process never is.
    /// </summary>
    public const string SalesProcessHelper = "sales_process";

    /// <summary>Reads every <c>&lt;entity&gt;:</c> key of <paramref name="section"/>.</summary>
    public static IReadOnlyDictionary<string, EntityMapping> ReadEntities(YamlSection section) =>
        EntityMappingSections.Read(section, ReadSource, (name, sources) => new EntityMapping(name, sources));

    private static ObjectMapping ReadSource(YamlSection section, EntitySchema entity)
    {
        foreach (var key in new[] { "object", "where", "columns", "values" })
        {
            section.Allow(key);
        }

        section.RejectUnknownKeys();
        var obj = section.RequiredString("object");
        if (!Identifier().IsMatch(obj))
        {
            throw section.Error("object", $"'{obj}' is not an sObject API name (letters, digits and _)");
        }

        var where = section.OptionalString("where");
        var columnsSection = section.Section("columns");
        var columns = new Dictionary<string, ColumnMapping>(StringComparer.Ordinal);
        var allowed = AllowedColumns(entity);
        foreach (var column in columnsSection.Keys.ToList())
        {
            if (!allowed.Contains(column))
            {
                throw columnsSection.Error(column, $"is not a column of {entity.Name}; allowed: {string.Join(", ", allowed)}");
            }

            columns[column] = columnsSection.IsSection(column)
                ? ReadLookup(columnsSection.Section(column))
                : ReadScalar(columnsSection, column);
        }

        columnsSection.RejectUnknownKeys();
        foreach (var required in entity.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name)))
        {
            var derived = required.Name == "stage_index" && columns.ContainsKey("stage")
                && (columns.ContainsKey(MotionHelper) || columns.ContainsKey(SalesProcessHelper));
            if (!derived)
            {
                throw section.Error("columns", required.Name == "stage_index"
                    ? "must map stage_index, or map stage and sales_process or motion (stage_index is then derived from that motion's stages)"
                    : $"must map the required column {required.Name}");
            }
        }

        var valuesSection = section.Section("values");
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var column in valuesSection.Keys.ToList())
        {
            if (!columns.ContainsKey(column))
            {
                throw valuesSection.Error(column, $"maps values of a column this source does not map; mapped: {string.Join(", ", columns.Keys)}");
            }

            var map = valuesSection.Section(column);
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var from in map.Keys.ToList())
            {
                pairs[from] = map.OptionalString(from) ?? throw map.Error(from, "needs a canonical value");
            }

            map.RejectUnknownKeys();
            values[column] = pairs;
        }

        valuesSection.RejectUnknownKeys();
        section.RejectUnknownKeys();
        return new ObjectMapping(obj, where, columns, values);
    }

    private static List<string> AllowedColumns(EntitySchema entity)
    {
        var names = entity.Columns.Select(c => c.Name).ToList();
        if (names.Contains("stage_index"))
        {
            if (!names.Contains(MotionHelper))
            {
                names.Add(MotionHelper);
            }

            names.Add(SalesProcessHelper);
        }

        return names;
    }

    private static ColumnMapping ReadScalar(YamlSection columns, string column)
    {
        var text = columns.OptionalString(column)?.Trim() ?? throw columns.Error(column, "needs a field path, a quoted constant or a lookup");
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return new ConstantColumn(text[1..^1]);
        }

        return Path().IsMatch(text)
            ? new FieldColumn(text)
            : throw columns.Error(column, $"'{text}' is neither a field path (Amount, Owner.Email, Partner.Owner.Email) nor a constant in single quotes ('meeting')");
    }

    private static LookupColumn ReadLookup(YamlSection section)
    {
        var lookup = new LookupColumn(
            Checked(section, "object"),
            Checked(section, "key"),
            Checked(section, "field"),
            Checked(section, "latest_by"));
        section.RejectUnknownKeys();
        return lookup;
    }

    private static string Checked(YamlSection section, string key)
    {
        var value = section.RequiredString(key);
        return Identifier().IsMatch(value) ? value : throw section.Error(key, $"'{value}' is not an API name (letters, digits and _)");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex Path();
}
