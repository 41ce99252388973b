using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Transforms;

public static partial class LakeViews
{
    /// <summary>What one row of each entity is, and what the entity holds (DOMAIN.md, "Canonical CRM entities").</summary>
    private static readonly Dictionary<string, (string Row, string What)> Entities = new(StringComparer.Ordinal)
    {
        ["partners"] = ("partner", "the partner companies of the program, with type, tier, region, partner manager and status"),
        ["accounts"] = ("account", "the customer accounts, with segment, owner and incumbent partner"),
        ["opportunities"] = ("opportunity", "the deals, direct and partner, with type, motion, stage, ARR, dates, next step and registration"),
        ["opportunity_partners"] = ("partner row of an opportunity", "the partners on each deal, with their role and sourced or influenced attribution"),
        ["stage_history"] = ("stage an opportunity entered", "when each opportunity entered each stage"),
        ["deal_registrations"] = ("deal registration", "the partners' deal registrations, with decision, decline reason and protection window"),
        ["lead_registrations"] = ("lead registration", "the leads partners registered, with first response, decision and first meeting"),
        ["activities"] = ("activity", "the meetings, calls, emails and notes logged on opportunities"),
        ["certifications"] = ("certification", "the certifications partner people earned, with their expiry"),
        ["csat_responses"] = ("CSAT response", "customer satisfaction responses (1-5) about partners"),
        ["partner_proofs"] = ("partner proof", "case studies, validated integrations, packaged services, SOWs and marketplace reviews recorded for partners"),
        ["conflicts"] = ("channel conflict", "the channel conflicts logged on accounts, with type, cause, acknowledgement and resolution"),
    };

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
    /// Records every lake view in the catalog (after the catalog tables exist). A column's description is its meaning, as
    /// the staging model of its entity describes the column of the same name (<paramref name="stagingColumns"/>: entity
    /// and column to description, or null), followed by its canonical format (<see cref="ColumnDescription"/>).
    /// </summary>
    internal static void Describe(DuckDBConnection connection, string runId, Func<string, string, string?> stagingColumns)
    {
        foreach (var entity in CrmSchema.Entities)
        {
            var (row, what) = Entities[entity.Name];
            var columns = entity.Columns.ToDictionary(c => c.Name,
                c => stagingColumns(entity.Name, c.Name) is { Length: > 0 } meaning
                    ? $"{meaning.TrimEnd()}{(meaning.TrimEnd().EndsWith('.') ? "" : ".")} {ColumnDescription(entity, c)}"
                    : ColumnDescription(entity, c),
                StringComparer.Ordinal);
            columns["snapshot_date"] = "The date of the snapshot being built; the same on every row.";
            CatalogTables.Describe(connection, $"{TransformProject.LakeSchema}.{entity.Name}",
                $"The CRM's {entity.Name} as landed in the lake snapshot being built: {what}. The canonical columns exactly as extracted "
                + $"(staging.{entity.Name} renames and casts them), plus snapshot_date. A view over the snapshot's Parquet file, read when queried.",
                $"one row per {row} in the snapshot being built", [], columns, runId);

            columns["snapshot_date"] = "The date of the landed snapshot the row comes from (the lake's snapshot_date=YYYY-MM-DD folder).";
            CatalogTables.Describe(connection, $"{TransformProject.LakeSchema}.{entity.Name}{SnapshotsSuffix}",
                $"Every landed snapshot of the CRM's {entity.Name} up to the one being built, as landed, each row with its snapshot_date: "
                + $"the history staging.{entity.Name}_as_of reads. A view over the snapshots' Parquet files, read when queried.",
                $"one row per {row} per landed snapshot", [], columns, runId);
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
