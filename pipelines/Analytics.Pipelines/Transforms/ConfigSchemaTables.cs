using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Pipelines.Configuration;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The tier review's configuration (pipeline.yaml <c>tiers:</c>) and the targets (<c>targets:</c>) as tables in schema
/// <c>config</c>, written before any model so the marts read them in SQL: <c>config.tiers</c>, <c>config.tier_criteria</c>,
/// <c>config.tier_settings</c> and <c>config.targets</c>, described by their YAML (tables/config/). Their catalog descriptions spell the thresholds out, so a reader of the warehouse sees
/// which ones the build used (after <see cref="CatalogTables.BuildSettingsMarker"/>, which the data dictionary leaves
/// out: it documents definitions, not one configuration).
/// </summary>
internal static class ConfigSchemaTables
{
    /// <summary>The schema of configuration tables.</summary>
    public const string Schema = "config";

    /// <summary>One table written, as the catalog records it.</summary>
    public sealed record Table(string Name, string Description, string Grain, IReadOnlyList<ColumnDefinition> Columns, long Rows);

    /// <summary>The tables a model may read (qualified names).</summary>
    public static IReadOnlySet<string> Names { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "config.tiers", "config.tier_criteria", "config.tier_settings", "config.targets" };

    /// <summary>Creates the schema and the tables from <paramref name="tiers"/> and <paramref name="targets"/>.</summary>
    /// <exception cref="ArgumentException">Tier names or ranks repeat, a threshold is not finite, or the margin is outside [0, 1).</exception>
    public static IReadOnlyList<Table> Create(DuckDBConnection connection, TiersConfig tiers, TargetsConfig? targets = null)
    {
        Check(tiers);
        targets ??= TargetsConfig.None;
        TransformRunner.Execute(connection, $"""
            create schema {Schema};
            create table config.tiers (tier varchar, tier_rank integer);
            create table config.tier_criteria (tier varchar, tier_rank integer, criterion varchar, threshold double);
            create table config.tier_settings (grace_margin double);
            create table config.targets (fiscal_quarter varchar, partner_id varchar, measure varchar, target double);
            """);
        foreach (var target in targets.Targets)
        {
            Insert(connection, "config.targets", target.FiscalQuarter, (object?)target.PartnerId ?? DBNull.Value, target.Measure, target.Value);
        }

        foreach (var level in tiers.Levels)
        {
            Insert(connection, "config.tiers", level.Name, level.Rank);
            foreach (var criterion in level.Criteria)
            {
                Insert(connection, "config.tier_criteria", level.Name, level.Rank, criterion.Name, criterion.Threshold);
            }
        }

        Insert(connection, "config.tier_settings", tiers.GraceMargin);

        var thresholds = string.Join("; ", tiers.Levels.Select(l => l.Criteria.Count == 0
            ? $"{l.Name} (rank {l.Rank}): no criteria"
            : $"{l.Name} (rank {l.Rank}): " + string.Join(", ", l.Criteria.Select(c => $"{c.Name} >= {Number(c.Threshold)}"))));
        return
        [
            Described("config.tiers", string.Join(", ", tiers.Levels.Select(l => l.Name)), tiers.Levels.Count),
            Described("config.tier_criteria", thresholds, tiers.Levels.Sum(l => l.Criteria.Count)),
            Described("config.tier_settings", $"grace_margin {Number(tiers.GraceMargin)}", 1),
            Described("config.targets", targets.Targets.Count == 0 ? "none"
                : string.Join("; ", targets.Targets.GroupBy(t => t.FiscalQuarter).Select(q => $"{q.Key}: {q.Count()} targets")), targets.Targets.Count),
        ];
    }

    /// <summary>The table as its YAML (tables/config/) describes it, with the settings this build used appended.</summary>
    private static Table Described(string name, string settings, long rows)
    {
        var yaml = TableDescriptions.Of(name);
        return new Table(name, $"{yaml.Description} {CatalogTables.BuildSettingsMarker}{settings}.", yaml.Grain, yaml.Columns, rows);
    }

    private static void Check(TiersConfig tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.GraceMargin is < 0 or >= 1 || double.IsNaN(tiers.GraceMargin))
        {
            throw new ArgumentException($"The grace margin must be in [0, 1); it is {tiers.GraceMargin}.", nameof(tiers));
        }

        if (tiers.Levels.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() != tiers.Levels.Count
            || tiers.Levels.Select(l => l.Rank).Distinct().Count() != tiers.Levels.Count)
        {
            throw new ArgumentException("Tier names and ranks must be unique.", nameof(tiers));
        }

        var bad = tiers.Levels.SelectMany(l => l.Criteria.Select(c => (l, c))).FirstOrDefault(x => !double.IsFinite(x.c.Threshold));
        if (bad.c is not null)
        {
            throw new ArgumentException($"The threshold of {bad.l.Name}.{bad.c.Name} must be a finite number.", nameof(tiers));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Insert(DuckDBConnection connection, string table, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"insert into {table} values ({string.Join(", ", values.Select((_, i) => "$" + (i + 1)))})";
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter { Value = value });
        }

        command.ExecuteNonQuery();
    }
}
