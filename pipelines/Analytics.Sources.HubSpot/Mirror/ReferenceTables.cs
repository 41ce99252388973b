using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Mapping;
using DuckDB.NET.Data;

namespace Analytics.Sources.HubSpot.Mirror;

/// <summary>
/// The small tables read in full every run beside the mirrored objects: <c>stages.parquet</c> (every pipeline stage with
/// its motion, canonical stage and stage_index) and <c>owners.parquet</c> (owner id → e-mail).
/// </summary>
internal static class ReferenceTables
{
    public const string Stages = "stages.parquet";

    public const string Owners = "owners.parquet";

    /// <summary>Writes <see cref="Stages"/> into <paramref name="folder"/>.</summary>
    public static void WriteStages(DuckDBConnection duck, PipelineStages stages, string folder)
    {
        var table = $"stages_{Guid.NewGuid():N}";
        Execute(duck, $"create table {table} (pipeline_id varchar, stage_id varchar, motion varchar, stage varchar, stage_index integer)");
        using (var appender = duck.CreateAppender(table))
        {
            foreach (var stage in stages.Stages)
            {
                appender.CreateRow().AppendValue(stage.PipelineId).AppendValue(stage.StageId).AppendValue(stage.Motion).AppendValue(stage.Stage).AppendValue(stage.StageIndex).EndRow();
            }
        }

        Execute(duck, $"copy (select * from {table} order by pipeline_id, stage_id) to '{HubSpotObjectMirror.Escape(Path.Combine(folder, Stages))}' (format parquet)");
        Execute(duck, $"drop table {table}");
    }

    /// <summary>Reads every owner and writes <see cref="Owners"/> into <paramref name="folder"/>; returns how many.</summary>
    public static async Task<long> WriteOwnersAsync(DuckDBConnection duck, HubSpotClient client, string folder, CancellationToken ct)
    {
        var table = $"owners_{Guid.NewGuid():N}";
        Execute(duck, $"create table {table} (id varchar, email varchar)");
        long count = 0;
        using (var appender = duck.CreateAppender(table))
        {
            await foreach (var owner in client.OwnersAsync(ct).ConfigureAwait(false))
            {
                appender.CreateRow().AppendValue(owner.Id).AppendValue(owner.Email).EndRow();
                count++;
            }
        }

        Execute(duck, $"copy (select * from {table} order by id) to '{HubSpotObjectMirror.Escape(Path.Combine(folder, Owners))}' (format parquet)");
        Execute(duck, $"drop table {table}");
        return count;
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
