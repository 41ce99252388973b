using Analytics.Pipelines.Warehouse;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Reports.Data;

/// <summary>The warehouse opened read-only for reporting, with the snapshot it holds. Reports never write to it.</summary>
public sealed class ReportWarehouse : IDisposable
{
    private readonly DuckDBConnection _connection;

    private ReportWarehouse(DuckDBConnection connection, ReportSnapshot snapshot)
    {
        _connection = connection;
        Snapshot = snapshot;
    }

    /// <summary>The build this warehouse holds.</summary>
    public ReportSnapshot Snapshot { get; }

    /// <summary>Opens <paramref name="warehousePath"/> read-only and reads its snapshot.</summary>
    /// <exception cref="ReportException">There is no warehouse, or it has no successful transform run.</exception>
    public static ReportWarehouse Open(string warehousePath)
    {
        if (!File.Exists(warehousePath))
        {
            throw new ReportException($"{warehousePath}: no warehouse yet. Build it first: analytics run (or analytics transform, then analytics score).");
        }

        var connection = DuckDbFile.Open(warehousePath, readOnly: true);
        try
        {
            var build = CurrentBuild.Read(connection)
                ?? throw new ReportException($"{warehousePath}: the warehouse has no successful transform run in catalog.builds.");

            var quarters = WarehouseSql.Query(connection,
                "select fiscal_quarter, quarter_end, is_current from marts.report_quarters order by quarter_start",
                r => (Quarter: r.GetString(0), End: r.GetFieldValue<DateOnly>(1), IsCurrent: r.GetBoolean(2)));
            var current = quarters.FirstOrDefault(q => q.IsCurrent).Quarter ?? quarters[^1].Quarter;
            var lastClosed = quarters.LastOrDefault(q => q.End < build.SnapshotDate).Quarter;
            var snapshot = new ReportSnapshot(build.SnapshotDate, build.RunId, current, lastClosed, quarters.Select(q => q.Quarter).ToList());
            return new ReportWarehouse(connection, snapshot);
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new ReportException($"{warehousePath}: cannot read the warehouse: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The rows of <paramref name="sql"/> (parameters as <c>$name</c>), each mapped by <paramref name="map"/>.</summary>
    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        WarehouseSql.Query(_connection, sql, map, parameters);

    /// <summary>Whether a table or view exists (scores.* are absent until the scoring stage has run).</summary>
    public bool HasTable(string schema, string table) => WarehouseSql.HasTable(_connection, schema, table);

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();
}
