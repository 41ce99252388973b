using System.Globalization;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Warehouse;

namespace Analytics.TestSupport.Lakes;

/// <summary>A landed snapshot's rows per entity (each row its values joined by |, in primary-key order) and quarantine lines.</summary>
public sealed record Landed(SnapshotManifest Manifest, IReadOnlyDictionary<string, IReadOnlyList<string>> Rows, IReadOnlyDictionary<string, IReadOnlyList<string>> Quarantine)
{
    public static Landed Read(LakeLayout lake, DateOnly date, SnapshotManifest manifest)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        var quarantine = new Dictionary<string, IReadOnlyList<string>>();
        using var duck = DuckDbFile.OpenInMemory();
        foreach (var entity in CrmSchema.Entities)
        {
            rows[entity.Name] = Query(duck, $"select * from read_parquet('{Path.Combine(lake.RawPartition(entity.Name, date), LakeLayout.DataFileName)}', hive_partitioning = false)");
            var q = Path.Combine(lake.QuarantinePartition(entity.Name, date), "quarantine.parquet");
            quarantine[entity.Name] = File.Exists(q) ? Query(duck, $"select file, line, field, value, reason from read_parquet('{q}', hive_partitioning = false)") : [];
        }

        return new Landed(manifest, rows, quarantine);
    }

    private static List<string> Query(DuckDB.NET.Data.DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return result;
    }
}
