using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Transforms;

public static partial class LakeViews
{
    /// <summary>
    /// A canonical column in words: its type, whether it may be null, its accepted values or range, and its part in the
    /// primary key, e.g. "Text, required; one of: active, offboarded."
    /// </summary>
    internal static string ColumnDescription(EntitySchema entity, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(column);
        var parts = new List<string> { $"{TypeInWords(column.Type)}, {(column.Required ? "required" : "optional")}" };
        if (column.AcceptedValues is { } values)
        {
            parts.Add("one of: " + string.Join(", ", values));
        }

        var range = (column.Minimum, column.Maximum) switch
        {
            ({ } min, { } max) => $"from {Number(min)} to {Number(max)}",
            ({ } min, null) => $"at least {Number(min)}",
            (null, { } max) => $"at most {Number(max)}",
            _ => null,
        };
        if (range is not null)
        {
            parts.Add(range);
        }

        if (entity.PrimaryKey.Contains(column.Name))
        {
            parts.Add(entity.PrimaryKey.Count == 1 ? "the primary key" : $"part of the primary key ({string.Join(", ", entity.PrimaryKey)})");
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>
    /// Records every lake view in the catalog (after the catalog tables exist), with the description, grain and
    /// snapshot_date of its <c>tables/lake/&lt;view&gt;.yml</c>. A canonical column's description is its meaning, as the
    /// staging model of its entity describes the column of the same name (<paramref name="stagingColumns"/>: entity and
    /// column to description, or null), followed by its canonical format (<see cref="ColumnDescription"/>).
    /// </summary>
    internal static void Describe(DuckDBConnection connection, string runId, Func<string, string, string?> stagingColumns)
    {
        foreach (var entity in CrmSchema.Entities)
        {
            var canonical = entity.Columns.Select(c => new ColumnDefinition(c.Name,
                stagingColumns(entity.Name, c.Name) is { Length: > 0 } meaning
                    ? $"{meaning.TrimEnd()}{(meaning.TrimEnd().EndsWith('.') ? "" : ".")} {ColumnDescription(entity, c)}"
                    : ColumnDescription(entity, c))).ToList();
            foreach (var view in new[] { $"{TransformProject.LakeSchema}.{entity.Name}", $"{TransformProject.LakeSchema}.{entity.Name}{SnapshotsSuffix}" })
            {
                var yaml = TableDescriptions.Of(view);
                CatalogTables.Describe(connection, yaml with { Columns = [.. canonical, .. yaml.Columns] }, [], runId);
            }
        }
    }

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string TypeInWords(CrmColumnType type) => type switch
    {
        CrmColumnType.Text => "Text",
        CrmColumnType.Integer => "Whole number",
        CrmColumnType.Decimal => "Decimal with two places",
        CrmColumnType.Boolean => "True or false",
        CrmColumnType.Date => "Date",
        CrmColumnType.Timestamp => "Timestamp (UTC)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a CrmColumnType."),
    };
}
