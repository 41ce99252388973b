namespace Analytics.Reports.Display;

/// <summary>The CRM's keys as readers see them, the same in packs, scorecards and emails.</summary>
public static class Labels
{
    /// <summary>A stage key in words: "pipeline_activation" → "pipeline activation" (it wraps at the space, never mid-word).</summary>
    public static string Stage(string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Replace('_', ' ');
    }
}
