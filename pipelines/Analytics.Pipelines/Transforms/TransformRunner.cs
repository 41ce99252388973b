using Analytics.Pipelines.Warehouse;
using System.Diagnostics;
using DuckDB.NET.Data;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Resilience;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// Builds the warehouse from one lake snapshot: loads the transforms project, opens a new build file, creates the lake
/// views and macros, materialises every model in dependency order, runs each model's data tests right after it
/// (an error-severity failure stops everything downstream of that model), writes the catalog, and swaps the build in
/// atomically only when everything succeeded. A failed build is kept under the run's folder for inspection.
/// </summary>
public sealed partial class TransformRunner(TimeProvider clock)
{
    /// <summary>Runs a build.</summary>
    /// <exception cref="TransformProjectException">The transforms folder is inconsistent.</exception>
    /// <exception cref="TransformRunException">No snapshot to build from, or the warehouse is locked.</exception>
    /// <exception cref="StorageFailureException">The build could not be written (the disk full, a DuckDB I/O error): not worth retrying.</exception>
    public TransformResult Run(TransformRequest request, IProgress<TransformProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FiscalYearStartMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.FiscalYearStartMonth, "The fiscal year start month must be 1-12.");
        }

        var project = TransformProject.Load(request.TransformsFolder);
        var layout = new LakeLayout(request.LakeRoot);
        var landed = layout.LandedDates();
        var snapshot = ChooseSnapshot(layout, landed, request.AsOf);
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var runId = request.RunId ?? RunId.New(startedAt);

        using var files = WarehouseFiles.Acquire(request.WarehousePath);
        var buildPath = files.BuildPath(runId);
        var build = new Build(project, request, snapshot, progress);
        try
        {
            using (var connection = DuckDbFile.Open(buildPath))
            {
                build.Prepare(connection, layout, landed);
                build.BuildModels(connection);
                var finishedAt = clock.GetUtcNow().UtcDateTime;
                WarehouseCatalog.Write(connection, new WarehouseCatalog.RunRecord(runId, snapshot, request.AsOf, startedAt, finishedAt, layout.Root, project.Folder,
                    request.FiscalYearStartMonth, build.Succeeded), build);
                Execute(connection, "checkpoint");
            }

            string? failedPath = null;
            if (build.Succeeded)
            {
                files.SwapIn(buildPath);
            }
            else
            {
                var keep = Path.Combine(Path.GetFullPath(request.RunsFolder), runId, "failed-warehouse.duckdb");
                try
                {
                    failedPath = WarehouseFiles.KeepFailedBuild(buildPath, keep);
                }
                catch (Exception e) when (StorageFailure.IsPermanent(e))
                {
                    throw StorageFailureException.From(e, $"the failed build's copy for inspection {keep}");
                }
            }

            return new TransformResult(runId, snapshot, request.AsOf, startedAt, clock.GetUtcNow().UtcDateTime, files.WarehousePath, failedPath,
                build.Models, build.Tests);
        }
        catch (Exception e) when (e is not StorageFailureException && StorageFailure.IsPermanent(e))
        {
            // The build file is what DuckDB writes (with its .wal beside it); the finally below deletes both, freeing the space.
            throw StorageFailureException.From(e, $"the warehouse build file {buildPath}");
        }
        finally
        {
            if (File.Exists(buildPath))
            {
                File.Delete(buildPath); // an exception escaped: nothing half-built is left behind
            }

            File.Delete(buildPath + ".wal");
        }
    }

    private static DateOnly ChooseSnapshot(LakeLayout layout, IReadOnlyList<DateOnly> landed, DateOnly? asOf)
    {
        if (landed.Count == 0)
        {
            throw new TransformRunException($"{layout.Root}: the lake has no landed snapshot yet; run `analytics extract` (or `analytics run`) first.");
        }

        if (asOf is not { } date)
        {
            return landed[^1];
        }

        var candidates = landed.Where(d => d <= date).ToList();
        return candidates.Count > 0
            ? candidates[^1]
            : throw new TransformRunException($"{layout.Root}: no snapshot was landed on or before {date:yyyy-MM-dd}; the earliest is {landed[0]:yyyy-MM-dd}.");
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static long Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static long Elapsed(long startTimestamp) => (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
