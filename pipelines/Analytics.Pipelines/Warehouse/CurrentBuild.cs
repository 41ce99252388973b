using DuckDB.NET.Data;

namespace Analytics.Pipelines.Warehouse;

/// <summary>
/// The build a warehouse holds: the newest successful transform in <c>catalog.builds</c>. The one answer to "which
/// build, from which snapshot" for every reader (the model stage, the reports, notebooks).
/// </summary>
/// <param name="RunId">The run that built it (catalog.builds.run_id; every QBR page footer names it).</param>
/// <param name="SnapshotDate">The lake snapshot it was built from.</param>
/// <param name="DuckDbVersion">The DuckDB engine that built it.</param>
public sealed record CurrentBuild(string RunId, DateOnly SnapshotDate, string DuckDbVersion)
{
    /// <summary>The build <paramref name="connection"/>'s database holds; null when it records no successful build (or has no catalog at all).</summary>
    public static CurrentBuild? Read(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!WarehouseSql.HasTable(connection, "catalog", "builds"))
        {
            return null;
        }

        var builds = WarehouseSql.Query(connection,
            "select run_id, snapshot_date, duckdb_version from catalog.builds where status = 'succeeded' order by finished_at desc limit 1",
            r => new CurrentBuild(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? string.Empty : r.GetString(2)));
        return builds.Count == 0 ? null : builds[0];
    }
}
