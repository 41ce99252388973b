using DuckDB.NET.Data;
using System.Globalization;
using System.Text;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;

namespace Analytics.Pipelines.Extraction;

/// <summary>
/// One extract: reads the source as of a date into staging, refuses the snapshot when any entity's quarantined share
/// exceeds <c>extract.quarantine_threshold</c> (the previous snapshot then stays, and the bad rows are written to
/// <c>runs/&lt;run id&gt;/quarantine/</c>), otherwise publishes it to the lake.
/// </summary>
public sealed class ExtractRunner(PipelineConfig config, ICrmSource source, TimeProvider clock)
{
    private readonly LakeLayout _layout = new(config.Paths.Lake);

    /// <summary>The lake this runner writes.</summary>
    public LakeLayout Layout => _layout;

    /// <summary>The source this runner reads.</summary>
    public ICrmSource Source => source;

    /// <summary>
    /// Removes what a crashed run left behind (temporary files, staging folders). Call once before a run's extracts,
    /// never while another extract is running: concurrent extracts of different dates are fine, a clean-up under them is not.
    /// </summary>
    public void CleanUpAfterCrashedRuns() => new SnapshotPublisher(_layout).CleanUpAbandonedFiles();

    /// <summary>
    /// Extracts and lands the snapshot of <paramref name="date"/>. Extracts of different dates may run at once (each
    /// has its own staging area and partitions); two extracts of the same date must not.
    /// </summary>
    /// <exception cref="ExtractFailedException">Too many rows were quarantined.</exception>
    /// <exception cref="SourceException">The source cannot be read.</exception>
    public SnapshotManifest Extract(DateOnly date, IProgress<string>? progress = null)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var runId = RunId.New(startedAt);
        var publisher = new SnapshotPublisher(_layout);
        var spill = Path.Combine(_layout.Staging, runId);
        try
        {
            using var staging = new SnapshotStaging(spill);
            progress?.Report($"reading {source.Description} as of {date:yyyy-MM-dd}");
            source.Extract(date, staging, progress);
            staging.Seal();
            RefuseIfTooManyQuarantined(staging, date, runId);
            return publisher.Publish(staging, date, source.Description, runId, startedAt, progress);
        }
        finally
        {
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
    }

    private void RefuseIfTooManyQuarantined(SnapshotStaging staging, DateOnly date, string runId)
    {
        var failures = new List<string>();
        foreach (var entity in CrmSchema.Entities)
        {
            var quarantined = staging.Quarantined(entity.Name);
            var read = staging.Landed(entity.Name) + quarantined;
            if (read > 0 && (double)quarantined / read > config.Extract.QuarantineThreshold)
            {
                failures.Add(entity.Name);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        var report = Path.Combine(config.Paths.Runs, runId, "quarantine");
        Directory.CreateDirectory(report);
        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"The extract of {date:yyyy-MM-dd} was refused; the previous snapshot stays in place.");
        foreach (var entity in failures)
        {
            var quarantined = staging.Quarantined(entity);
            var read = staging.Landed(entity) + quarantined;
            var file = Path.Combine(report, $"{entity}.csv");
            using (var command = staging.Connection.CreateCommand())
            {
                command.CommandText = $"copy (select file, line, field, value, reason from quarantine where entity = $entity order by file, line) to '{SnapshotPublisher.Escape(file)}' (header, delimiter ',')";
                command.Parameters.Add(new DuckDBParameter("entity", entity));
                command.ExecuteNonQuery();
            }

            message.AppendLine(CultureInfo.InvariantCulture,
                $"  {entity}: {quarantined:N0} of {read:N0} rows quarantined ({100.0 * quarantined / read:F1} %; the limit is {100 * config.Extract.QuarantineThreshold:F1} %, extract.quarantine_threshold). All of them: {file}");
            foreach (var row in staging.QuarantineSample(entity).Take(5))
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    {row}");
            }
        }

        throw new ExtractFailedException(message.ToString().TrimEnd());
    }
}
