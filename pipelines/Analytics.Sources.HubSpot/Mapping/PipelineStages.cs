using System.Text;
using Analytics.Pipelines.Crm;
using Analytics.Sources.HubSpot.Api;
using Analytics.Sources.HubSpot.Configuration;

namespace Analytics.Sources.HubSpot.Mapping;

/// <summary>
/// The deal pipelines mapped onto our motions and stages: a pipeline is one motion's sales process, each of its stages one
/// of that motion's stages (or closed won / lost), so a stage id gives both the stage and its stage_index. Configured
/// ids (source.hubspot.pipelines) win; otherwise the labels say it ("Referral"; "Intro Logged" → intro_logged).
/// </summary>
/// <param name="Stages">Every stage of every pipeline, mapped or not.</param>
public sealed record PipelineStages(IReadOnlyList<MappedStage> Stages)
{
    /// <summary>Maps <paramref name="pipelines"/> with <paramref name="overrides"/>.</summary>
    public static PipelineStages Map(IReadOnlyList<HubSpotPipeline> pipelines, IReadOnlyDictionary<string, PipelineOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(overrides);
        var stages = new List<MappedStage>();
        foreach (var pipeline in pipelines)
        {
            overrides.TryGetValue(pipeline.Id, out var configured);
            var motion = configured?.Motion ?? (MotionStages.Motions.Contains(Snake(pipeline.Label)) ? Snake(pipeline.Label) : null);
            foreach (var stage in pipeline.Stages)
            {
                var canonical = configured is not null && configured.Stages.TryGetValue(stage.Id, out var s) ? s
                    : MotionStages.AllStages.Contains(Snake(stage.Label)) ? Snake(stage.Label)
                    : null;
                int? index = motion is not null && canonical is not null && MotionStages.IndexOf(motion, canonical) is >= 0 and var i ? i : null;
                stages.Add(new MappedStage(pipeline.Id, pipeline.Label, stage.Id, stage.Label, motion, canonical, index));
            }
        }

        return new PipelineStages(stages);
    }

    /// <summary>What keeps a stage from mapping, one line each: pipelines without a motion, stages without a stage of it.</summary>
    public IReadOnlyList<string> Gaps => Stages
        .Where(s => s.StageIndex is null)
        .Select(s => s.Motion is null
            ? $"pipeline {s.PipelineId} '{s.PipelineLabel}': no motion (its label is not one of {string.Join(", ", MotionStages.Motions)}; set source.hubspot.pipelines.{s.PipelineId}.motion)"
            : s.Stage is null
                ? $"pipeline {s.PipelineId} '{s.PipelineLabel}' stage {s.StageId} '{s.StageLabel}': no stage of {s.Motion} (set source.hubspot.pipelines.{s.PipelineId}.stages.{s.StageId})"
                : $"pipeline {s.PipelineId} '{s.PipelineLabel}' stage {s.StageId} '{s.StageLabel}': {s.Stage} is not a stage of {s.Motion}")
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary><c>Intro Logged</c> → <c>intro_logged</c>, <c>Closed Won</c> → <c>closed_won</c>.</summary>
    internal static string Snake(string label)
    {
        var text = new StringBuilder();
        foreach (var c in label.Trim().ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return string.Join('_', text.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>One pipeline stage and what it maps to.</summary>
/// <param name="PipelineId">The pipeline's id.</param>
/// <param name="PipelineLabel">The pipeline's label.</param>
/// <param name="StageId">The stage's id (the value of dealstage).</param>
/// <param name="StageLabel">The stage's label.</param>
/// <param name="Motion">The pipeline's motion, or null when unmapped.</param>
/// <param name="Stage">The canonical stage, or null when unmapped.</param>
/// <param name="StageIndex">Its stage_index in the motion (closed won 6, closed lost 0), or null when the stage is not the motion's.</param>
public sealed record MappedStage(string PipelineId, string PipelineLabel, string StageId, string StageLabel, string? Motion, string? Stage, int? StageIndex);
