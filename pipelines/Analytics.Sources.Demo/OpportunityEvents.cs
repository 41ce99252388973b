namespace Analytics.Sources.Demo;

/// <summary>The opportunity entered stage <paramref name="Index"/> (1-5, 6 won, 0 lost) at <paramref name="At"/>.</summary>
internal readonly record struct StageEntry(DateTime At, int Index);

/// <summary>An activity of type <paramref name="Type"/> (index into the activity types), logged by <paramref name="Partner"/> or by the vendor when null.</summary>
internal readonly record struct ActivityEvent(DateTime At, int Type, PartnerProfile? Partner);

/// <summary>The seller wrote next step <paramref name="Text"/> at <paramref name="At"/>.</summary>
internal readonly record struct NextStepUpdate(DateTime At, string Text);

/// <summary>The expected close date became <paramref name="Date"/> at <paramref name="At"/>.</summary>
internal readonly record struct CloseDateChange(DateTime At, DateOnly Date);

/// <summary>The opportunity's conflict_status became <paramref name="Status"/> at <paramref name="At"/>.</summary>
internal readonly record struct ConflictStatusChange(DateTime At, string Status);
