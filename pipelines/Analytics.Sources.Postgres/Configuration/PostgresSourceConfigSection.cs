using System.Text.RegularExpressions;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Postgres.Configuration;

/// <summary>
/// Reads <c>source.postgres:</c>. The connection string never appears in the file: only the name of the environment
/// variable that holds it. Errors name the file, line and key and say what is allowed.
/// </summary>
public sealed partial class PostgresSourceConfigSection : IConfigSection<PostgresSourceConfig>
{
    private PostgresSourceConfigSection()
    {
    }

    /// <summary>The one instance the composition root registers.</summary>
    public static PostgresSourceConfigSection Instance { get; } = new();

    /// <inheritdoc />
    public string Path => "source.postgres";

    /// <inheritdoc />
    public PostgresSourceConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        // Without a source.postgres section (another source kind) nothing is required; with one, it must be complete.
        var declared = section.Keys.Any();
        var variable = section.EnvironmentVariableName("connection_string_variable");
        var timeout = TimeSpan.FromSeconds(section.Int("statement_timeout_seconds", (int)PostgresSourceConfig.DefaultStatementTimeout.TotalSeconds, 1, 24 * 3600));
        var entities = ReadEntities(section.Section("entities"));
        section.RejectUnknownKeys();
        if (!declared)
        {
            return new PostgresSourceConfig(null, timeout, []);
        }

        if (variable is null)
        {
            throw section.Error("connection_string_variable", "is required: the name of the environment variable holding the replica's connection string");
        }

        var missing = CrmSchema.Entities.Where(e => entities.All(m => m.Entity != e.Name)).Select(e => e.Name).ToList();
        if (missing.Count > 0)
        {
            throw section.Error("entities",
                $"must map every canonical entity; missing: {string.Join(", ", missing)}. Give each a table (with columns) or a query; "
                + "an entity the CRM does not keep can be a query that returns no rows");
        }

        return new PostgresSourceConfig(variable, timeout, CrmSchema.Entities.Select(e => entities.Single(m => m.Entity == e.Name)).ToList());
    }

    private static List<PostgresEntityMapping> ReadEntities(YamlSection section)
    {
        var entities = new List<PostgresEntityMapping>();
        foreach (var name in section.Keys.ToList())
        {
            var entity = CrmSchema.Entities.FirstOrDefault(e => e.Name == name)
                ?? throw section.Error(name, $"is not a canonical entity; allowed: {string.Join(", ", CrmSchema.Entities.Select(e => e.Name))}");
            entities.Add(ReadEntity(section.Section(name), entity, section.Where(name)));
        }

        section.RejectUnknownKeys();
        return entities;
    }

    private static PostgresEntityMapping ReadEntity(YamlSection section, EntitySchema entity, string where)
    {
        var table = section.OptionalString("table");
        var query = section.OptionalString("query");
        var recordId = section.OptionalString("record_id");
        var columnsSection = section.Section("columns");
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in columnsSection.Keys.ToList())
        {
            if (entity.Columns.All(c => c.Name != column))
            {
                throw columnsSection.Error(column, $"is not a column of {entity.Name}; its columns: {string.Join(", ", entity.Columns.Select(c => c.Name))}");
            }

            columns[column] = columnsSection.OptionalString(column) is { Length: > 0 } expression
                ? expression
                : throw columnsSection.Error(column, "needs the table's column or an SQL expression (write null for a column the table lacks)");
        }

        columnsSection.RejectUnknownKeys();
        section.RejectUnknownKeys();
        if ((table is null) == (query is null))
        {
            throw section.Error(table is null ? "table" : "query", "needs exactly one of table (with columns) or query");
        }

        if (table is not null && !TableName().IsMatch(table))
        {
            throw section.Error("table", $"'{table}' is not a table name (name or schema.name; quote a part with \"\" when it needs it)");
        }

        if (query is not null && columns.Count > 0)
        {
            throw section.Error("columns", "applies to a table only; a query names its result columns as the canonical ones (select deal_no as opportunity_id, ...)");
        }

        return new PostgresEntityMapping(entity.Name, table, query?.TrimEnd().TrimEnd(';'), columns, recordId, where);
    }

    [GeneratedRegex("""^("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)(\.("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*))?$""")]
    private static partial Regex TableName();
}
