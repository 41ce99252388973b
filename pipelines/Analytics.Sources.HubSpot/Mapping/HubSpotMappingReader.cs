using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>Reads <c>mapping:</c> sections (pipeline.yaml's overrides and the compiled-in default) with errors naming file, line and key.</summary>
internal static partial class HubSpotMappingReader
{
    /// <summary>Reads every <c>&lt;entity&gt;:</c> key of <paramref name="section"/>.</summary>
    public static IReadOnlyDictionary<string, HubSpotEntityMapping> ReadEntities(YamlSection section) =>
        EntityMappingSections.Read(section, ReadSource, (name, sources) => new HubSpotEntityMapping(name, sources));

    private static HubSpotObjectMapping ReadSource(YamlSection section, EntitySchema entity)
    {
        var obj = section.RequiredString("object");
        if (!ObjectType().IsMatch(obj))
        {
            throw section.Error("object", $"'{obj}' is not an object type (deals, companies, meetings, p_certifications, 2-1234567)");
        }

        var whereText = section.String("where", "all");
        var where = whereText switch
        {
            "all" => CompanyFilter.All,
            "partners" => CompanyFilter.Partners,
            "customers" => CompanyFilter.Customers,
            _ => throw section.Error("where", $"must be all, partners or customers, not '{whereText}'"),
        };
        if (where != CompanyFilter.All && obj != "companies")
        {
            throw section.Error("where", "partners and customers select companies; the object must be companies");
        }

        var derivedText = section.OptionalString("from");
        DerivedRows? derived = derivedText switch
        {
            null => null,
            "partner_associations" when entity.Name == CrmSchema.OpportunityPartners.Name => DerivedRows.PartnerAssociations,
            "stage_history" when entity.Name == CrmSchema.StageHistory.Name => DerivedRows.StageHistory,
            _ => throw section.Error("from", $"'{derivedText}' is not allowed for {entity.Name} (opportunity_partners: partner_associations; stage_history: stage_history)"),
        };
        var columns = new Dictionary<string, HubSpotColumn>(StringComparer.Ordinal);
        var columnsSection = section.Section("columns");
        var allowed = entity.Columns.Select(c => c.Name).ToList();
        foreach (var column in columnsSection.Keys.ToList())
        {
            if (!allowed.Contains(column))
            {
                throw columnsSection.Error(column, $"is not a column of {entity.Name}; allowed: {string.Join(", ", allowed)}");
            }

            columns[column] = columnsSection.IsSection(column) ? ReadStructured(columnsSection.Section(column)) : ReadScalar(columnsSection, column);
        }

        columnsSection.RejectUnknownKeys();
        if (derived is null)
        {
            foreach (var required in entity.Columns.Where(c => c.Required && !columns.ContainsKey(c.Name)))
            {
                throw section.Error("columns", $"must map the required column {required.Name}");
            }
        }
        else if (columns.Count > 0)
        {
            throw section.Error("columns", $"are fixed for from: {derivedText} (set them in source.hubspot.attribution)");
        }

        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var valuesSection = section.Section("values");
        foreach (var column in valuesSection.Keys.ToList())
        {
            if (!columns.ContainsKey(column))
            {
                throw valuesSection.Error(column, $"maps values of a column this source does not map; mapped: {string.Join(", ", columns.Keys)}");
            }

            var map = valuesSection.Section(column);
            values[column] = map.Keys.ToList().ToDictionary(k => k, k => map.OptionalString(k) ?? throw map.Error(k, "needs a canonical value"), StringComparer.Ordinal);
            map.RejectUnknownKeys();
        }

        valuesSection.RejectUnknownKeys();
        section.RejectUnknownKeys();
        return new HubSpotObjectMapping(obj, where, derived, columns, values);
    }

    private static HubSpotColumn ReadScalar(YamlSection columns, string column)
    {
        var text = columns.OptionalString(column)?.Trim() ?? throw columns.Error(column, "needs a property, a quoted constant or { owner | association | stage | stage_index: ... }");
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return new ConstantColumn(text[1..^1]);
        }

        return Property().IsMatch(text)
            ? new PropertyColumn(text)
            : throw columns.Error(column, $"'{text}' is neither a property name (dealname, hs_next_step, id) nor a constant in single quotes ('meeting')");
    }

    private static HubSpotColumn ReadStructured(YamlSection section)
    {
        HubSpotColumn column;
        if (section.OptionalString("owner") is { } owner)
        {
            column = new OwnerColumn(Checked(section, "owner", owner));
        }
        else if (section.OptionalString("association") is { } association)
        {
            var typeText = section.OptionalString("type_id");
            int? typeId = typeText is null ? null
                : int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t
                : throw section.Error("type_id", $"must be an association type id (a whole number), not '{typeText}'");
            column = new AssociationColumn(Checked(section, "association", association), typeId, section.OptionalString("label"));
        }
        else if (section.OptionalString("stage") is { } stage)
        {
            column = new StageColumn(Checked(section, "stage", stage), IsIndex: false);
        }
        else if (section.OptionalString("stage_index") is { } index)
        {
            column = new StageColumn(Checked(section, "stage_index", index), IsIndex: true);
        }
        else
        {
            throw new ConfigurationException($"{section.File}:{section.Line}: '{section.Path}' needs one of owner, association, stage or stage_index.");
        }

        section.RejectUnknownKeys();
        return column;
    }

    private static string Checked(YamlSection section, string key, string value) =>
        Property().IsMatch(value) || ObjectType().IsMatch(value) ? value : throw section.Error(key, $"'{value}' is not a property or object name");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ObjectType();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Property();
}
