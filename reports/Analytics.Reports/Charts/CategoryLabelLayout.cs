namespace Analytics.Reports.Charts;

/// <summary>
/// Pure layout of category labels along an axis: keep them level at the preferred size if they fit, else shrink a little,
/// else turn them 45°, and thin them out (every 2nd, 3rd ... label) when even that is too dense.
/// Works on widths measured at the preferred size (text width grows linearly with font size), so it needs no graphics.
/// </summary>
public static class CategoryLabelLayout
{
    /// <summary>A label's line height as a multiple of its font size (DejaVu Sans: ascent + descent ≈ 1.17 em).</summary>
    public const double LineHeightFactor = 1.2;

    /// <summary>Space kept between neighbouring labels, in points.</summary>
    public const double Gap = 3;

    private static readonly double Sin45 = Math.Sqrt(0.5);

    /// <summary>Plans the labels of equally spaced categories.</summary>
    /// <param name="widthsAtPreferredSize">Each label's width in points at <paramref name="preferredSize"/>.</param>
    /// <param name="preferredSize">The font size wanted.</param>
    /// <param name="slotWidth">The distance between neighbouring categories' centres.</param>
    /// <param name="maxHeight">The most vertical room the labels may take.</param>
    /// <param name="minSize">The smallest acceptable font size.</param>
    /// <returns>The plan.</returns>
    public static LabelPlan Plan(IReadOnlyList<double> widthsAtPreferredSize, double preferredSize, double slotWidth, double maxHeight, double minSize = 6)
    {
        ArgumentNullException.ThrowIfNull(widthsAtPreferredSize);
        if (!(preferredSize > 0) || !(minSize > 0) || minSize > preferredSize)
        {
            throw new ArgumentOutOfRangeException(nameof(minSize), minSize, "Font sizes must be positive, with minSize <= preferredSize.");
        }

        var widest = widthsAtPreferredSize.Count == 0 ? 0 : widthsAtPreferredSize.Max();
        slotWidth = Math.Max(slotWidth, 0.01);

        // 1. Level, shrinking by at most 1.5 pt: small shrinks keep the text readable.
        var lowestLevelSize = Math.Max(minSize, preferredSize - 1.5);
        for (var size = preferredSize; size >= lowestLevelSize - 1e-9; size -= 0.5)
        {
            var width = widest * size / preferredSize;
            if (width + Gap <= slotWidth)
            {
                return new LabelPlan(size, false, 1, width, LineHeightFactor * size);
            }
        }

        // 2. Level but thinned out, or 3. turned 45° (thinned out if needed): whichever drops fewer labels.
        var levelSize = lowestLevelSize;
        var levelWidth = widest * levelSize / preferredSize;
        var levelStep = (int)Math.Ceiling((levelWidth + Gap) / slotWidth);

        var rotatedSize = lowestLevelSize;
        var lineHeight = LineHeightFactor * rotatedSize;
        // Parallel 45° labels one step apart are step * slot * sin45 apart, measured across their baselines.
        var rotatedStep = Math.Max(1, (int)Math.Ceiling((lineHeight + Gap / 2) / (slotWidth * Sin45)));
        if (rotatedStep > 1 && minSize < rotatedSize)
        {
            // Before dropping labels, try the smallest acceptable size.
            var smallStep = Math.Max(1, (int)Math.Ceiling((LineHeightFactor * minSize + Gap / 2) / (slotWidth * Sin45)));
            if (smallStep < rotatedStep)
            {
                rotatedSize = minSize;
                rotatedStep = smallStep;
                lineHeight = LineHeightFactor * minSize;
            }
        }

        if (levelStep <= rotatedStep)
        {
            return new LabelPlan(levelSize, false, levelStep, levelWidth, LineHeightFactor * levelSize);
        }

        // A 45° label of length L and line height h spans (L + h) * sin45 vertically.
        var longest = widest * rotatedSize / preferredSize;
        var maxLength = Math.Max(0, maxHeight / Sin45 - lineHeight);
        var length = Math.Min(longest, maxLength);
        return new LabelPlan(rotatedSize, true, rotatedStep, length, (length + lineHeight) * Sin45);
    }
}
