using Analytics.Pipelines.Crm;

namespace Analytics.Pipelines.Sources.Files;

/// <summary>
/// Checks that need more than one field of a row, run once every field has parsed: an opportunity's stage must be one
/// of its motion's stages (DOMAIN.md, "Partner motions"), or closed_won / closed_lost. A row with no motion is left to
/// the hygiene findings (a missing motion is a finding, not a bad row).
/// </summary>
internal static class RowRules
{
    /// <summary>The problem with <paramref name="values"/> (typed, in <paramref name="entity"/>'s column order), or null.</summary>
    public static (string Field, string? Value, string Reason)? Check(EntitySchema entity, object?[] values)
    {
        if (entity.Name != CrmSchema.Opportunities.Name)
        {
            return null;
        }

        var motion = values[ColumnIndex(entity, "motion")] as string;
        var stage = values[ColumnIndex(entity, "stage")] as string;
        if (motion is null || stage is null || !MotionStages.Motions.Contains(motion) || MotionStages.IndexOf(motion, stage) >= 0)
        {
            return null;
        }

        return ("stage", stage,
            $"'{stage}' is not a stage of the {motion} motion (its stages: {string.Join(", ", MotionStages.For(motion))}, " +
            $"then {MotionStages.ClosedWon} or {MotionStages.ClosedLost})");
    }

    private static int ColumnIndex(EntitySchema entity, string name)
    {
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            if (entity.Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{entity.Name} has no column {name}; this is a bug.");
    }
}
