using Analytics.Pipelines.Warehouse;
using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Analytics.Models.Scoring;

namespace Analytics.Models.Forecasting;

/// <summary>A landed snapshot with its quarter, time left and maturity snapshot (forecast_snapshots.sql).</summary>
internal sealed record ForecastSnapshot(DateOnly SnapshotDate, string FiscalQuarter, int DaysLeft, int TimeLeftBucket, DateOnly? MaturityDate);

/// <summary>One conversion cell's observations (conversion_cells.sql).</summary>
internal sealed record ConversionCell(string Motion, int StageIndex, int TimeLeftBucket, long Observations, long Deals, long WonObservations, double MeanDaysLeft, double SourcedArr, double WonArr);

/// <summary>A matured snapshot's view of its quarter, by motion (matured_quarters.sql).</summary>
internal sealed record MaturedPosition(DateOnly SnapshotDate, string FiscalQuarter, DateOnly MaturityDate, int DaysLeft, int TimeLeftBucket,
    string Motion, double OpenArr, double WonToDateArr, double RealizedOpenArr, double QuarterWonArr)
{
    /// <summary>Sourced ARR won in the quarter from deals outside the snapshot's sourced pipeline.</summary>
    public double NewArr => QuarterWonArr - WonToDateArr - RealizedOpenArr;
}

/// <summary>Open and won-to-date sourced pipeline at one snapshot, by motion and stage (snapshot_pipeline.sql).</summary>
internal sealed record PipelineCell(string Motion, int StageIndex, long OpenDeals, double OpenArr, long WonDeals, double WonArr);

/// <summary>
/// The history the forecast learns from, held in temp tables of the scoring connection: every landed snapshot's
/// sourced positions and the observations with known outcomes. Built once (one pass over the <c>_as_of</c> views);
/// every cut-off and forecast snapshot is then a small query.
/// </summary>
internal sealed class ForecastHistory
{
    private readonly DuckDBConnection _connection;

    private ForecastHistory(DuckDBConnection connection, DateOnly snapshotDate, int startMonth, IReadOnlyList<ForecastSnapshot> snapshots,
        IReadOnlyList<MaturedPosition> matured, IReadOnlyDictionary<(string Quarter, string Motion), double> actuals)
    {
        _connection = connection;
        SnapshotDate = snapshotDate;
        StartMonth = startMonth;
        Snapshots = snapshots;
        Matured = matured;
        Actuals = actuals;
    }

    /// <summary>The newest snapshot read (the scoring snapshot).</summary>
    public DateOnly SnapshotDate { get; }

    /// <summary>The fiscal year's first month.</summary>
    public int StartMonth { get; }

    /// <summary>Every landed snapshot up to <see cref="SnapshotDate"/>, oldest first.</summary>
    public IReadOnlyList<ForecastSnapshot> Snapshots { get; }

    /// <summary>Every matured snapshot's parts of its quarter, by motion.</summary>
    public IReadOnlyList<MaturedPosition> Matured { get; }

    /// <summary>Sourced ARR won by (fiscal quarter, motion), from marts.partner_arr_quarterly.</summary>
    public IReadOnlyDictionary<(string Quarter, string Motion), double> Actuals { get; }

    /// <summary>Reads the history of <paramref name="snapshotDate"/> into temp tables and loads the small summaries.</summary>
    /// <remarks>
    /// The temp tables live as long as the connection; a second load with the same snapshot, fiscal calendar and
    /// buckets (training then scoring in one run) reuses them instead of reading every snapshot again.
    /// </remarks>
    public static ForecastHistory Load(DuckDBConnection connection, DateOnly snapshotDate, int startMonth, ForecastSettings settings)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{snapshotDate:yyyy-MM-dd}|{startMonth}|{settings.TimeLeftBucketDays}|{settings.TimeLeftBuckets}");
        var loaded = WarehouseSql.Query(connection, "select count(*) from duckdb_tables() where temporary and table_name = 'forecast_history_key'", r => r.GetInt64(0))[0] > 0
            && WarehouseSql.Query(connection, "select history_key from forecast_history_key", r => r.GetString(0)).Contains(key);
        if (!loaded)
        {
            WarehouseSql.Execute(connection, EmbeddedSql.Read(typeof(ForecastHistory), "forecast_snapshots"),
                ("snapshot_date", snapshotDate), ("start_month", startMonth), ("bucket_days", settings.TimeLeftBucketDays), ("buckets", settings.TimeLeftBuckets));
            WarehouseSql.Execute(connection, EmbeddedSql.Read(typeof(ForecastHistory), "forecast_positions"), ("snapshot_date", snapshotDate));
            WarehouseSql.Execute(connection, EmbeddedSql.Read(typeof(ForecastHistory), "forecast_observations"));
            WarehouseSql.Execute(connection, "create or replace temp table forecast_history_key as select $key as history_key", ("key", key));
        }

        var snapshots = WarehouseSql.Query(connection,
            "select snapshot_date, fiscal_quarter, days_left, time_left_bucket, maturity_date from forecast_snapshots order by snapshot_date",
            r => new ForecastSnapshot(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4)));
        var matured = WarehouseSql.Query(connection, EmbeddedSql.Read(typeof(ForecastHistory), "matured_quarters"),
            r => new MaturedPosition(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetInt32(3), r.GetInt32(4),
                r.GetString(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9)));
        var actuals = WarehouseSql.Query(connection, EmbeddedSql.Read(typeof(ForecastHistory), "sourced_actuals"), r => (Motion: r.GetString(0), Quarter: r.GetString(1), Arr: r.GetDouble(2)))
            .ToDictionary(a => (a.Quarter, a.Motion), a => a.Arr);
        return new ForecastHistory(connection, snapshotDate, startMonth, snapshots, matured, actuals);
    }

    /// <summary>The conversion cells from observations whose outcome was known by <paramref name="outcomesKnownBy"/>.</summary>
    public IReadOnlyList<ConversionCell> Cells(DateOnly outcomesKnownBy) =>
        WarehouseSql.Query(_connection, EmbeddedSql.Read(typeof(ForecastHistory), "conversion_cells"),
            r => new ConversionCell(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8)),
            ("outcomes_known_by", outcomesKnownBy));

    /// <summary>The sourced pipeline at <paramref name="snapshotDate"/> (a landed snapshot).</summary>
    public IReadOnlyList<PipelineCell> Pipeline(DateOnly snapshotDate) =>
        WarehouseSql.Query(_connection, EmbeddedSql.Read(typeof(ForecastHistory), "snapshot_pipeline"),
            r => new PipelineCell(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetDouble(3), r.GetInt64(4), r.GetDouble(5)),
            ("snapshot_date", snapshotDate));

    /// <summary>A quarter's sourced ARR for <paramref name="motion"/> ("all" sums the motions); 0 when the mart has none.</summary>
    public double Actual(string quarter, string motion) =>
        motion == ForecastRow.AllMotions
            ? Actuals.Where(a => a.Key.Quarter == quarter).Sum(a => a.Value)
            : Actuals.GetValueOrDefault((quarter, motion));
}
