namespace Analytics.Reports.Charts;

/// <summary>How category labels under a chart are drawn so that none overlap (from <see cref="CategoryLabelLayout.Plan"/>).</summary>
/// <param name="FontSize">The font size in points.</param>
/// <param name="Rotated">Whether labels are turned 45° (anchored at their end under the category's centre).</param>
/// <param name="Step">Every how many categories a label is drawn (1 = all, 2 = every other one, starting with the first).</param>
/// <param name="MaxLabelWidth">The longest a label may be, in points along its own baseline; longer ones are ellipsized.</param>
/// <param name="Height">The vertical room the labels take below the axis.</param>
public sealed record LabelPlan(double FontSize, bool Rotated, int Step, double MaxLabelWidth, double Height)
{
    /// <summary>Whether the label of category <paramref name="index"/> is drawn.</summary>
    /// <param name="index">The category's position.</param>
    /// <returns>True when drawn.</returns>
    public bool Shows(int index) => index % Step == 0;
}
