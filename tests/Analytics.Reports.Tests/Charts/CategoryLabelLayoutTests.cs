using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

public sealed class CategoryLabelLayoutTests
{
    public static TheoryData<int, double, double, double> Cases()
    {
        var data = new TheoryData<int, double, double, double>();
        // count, label width at 7.5 pt, axis length, max height
        foreach (var count in new[] { 1, 2, 5, 8, 12, 24, 52, 200 })
        {
            foreach (var width in new[] { 4.0, 22, 60, 180, 400 })
            {
                foreach (var axis in new[] { 120.0, 360, 760 })
                {
                    data.Add(count, width, axis, 60);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_never_yields_overlapping_labels(int count, double width, double axis, double maxHeight)
    {
        // Alternate long and short labels, as real category names are.
        var widths = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? width : width / 3).ToList();
        var slot = axis / count;

        var plan = CategoryLabelLayout.Plan(widths, 7.5, slot, maxHeight);

        var shapes = Enumerable.Range(0, count).Where(plan.Shows).Select(i => Footprint(plan, widths[i], (i + 0.5) * slot)).ToList();
        for (var i = 1; i < shapes.Count; i++)
        {
            Assert.False(Overlap(shapes[i - 1], shapes[i]), $"labels {i - 1} and {i} overlap in {plan}");
        }

        Assert.True(plan.Height <= Math.Max(maxHeight, plan.FontSize * CategoryLabelLayout.LineHeightFactor) + 1e-9, $"{plan} is taller than {maxHeight}");
        Assert.InRange(plan.FontSize, 6, 7.5);
    }

    [Fact]
    public void Short_labels_stay_level_at_the_preferred_size()
    {
        var plan = CategoryLabelLayout.Plan([20, 20, 20, 20], 7.5, 60, 50);

        Assert.Equal(new LabelPlan(7.5, false, 1, 20, 9), plan);
    }

    [Fact]
    public void Labels_slightly_too_wide_shrink_before_turning()
    {
        var plan = CategoryLabelLayout.Plan([40, 40, 40], 7.5, 40, 50);

        Assert.False(plan.Rotated);
        Assert.Equal(1, plan.Step);
        Assert.True(plan.FontSize < 7.5);
    }

    [Fact]
    public void Long_labels_turn_and_are_cut_to_the_height_available()
    {
        var plan = CategoryLabelLayout.Plan([.. Enumerable.Repeat(200.0, 8)], 7.5, 45, 60);

        Assert.True(plan.Rotated);
        Assert.Equal(1, plan.Step);
        Assert.True(plan.MaxLabelWidth < 200);
    }

    [Fact]
    public void Many_categories_are_thinned_out()
    {
        var plan = CategoryLabelLayout.Plan([.. Enumerable.Repeat(50.0, 52)], 7.5, 8, 60);

        Assert.True(plan.Step > 1);
        Assert.True(plan.Shows(0));
        Assert.False(plan.Shows(1));
    }

    // The label's outline as a polygon: level labels centred under the category; turned ones anchored at their
    // right end under the category, running down-left at 45°.
    private static (double X, double Y)[] Footprint(LabelPlan plan, double widthAtPreferred, double center)
    {
        var length = Math.Min(widthAtPreferred * plan.FontSize / 7.5, plan.MaxLabelWidth);
        var h = plan.FontSize * CategoryLabelLayout.LineHeightFactor;
        if (!plan.Rotated)
        {
            return [(center - length / 2, 0), (center + length / 2, 0), (center + length / 2, h), (center - length / 2, h)];
        }

        var s = Math.Sqrt(0.5);
        // Along the baseline: (-s, +s) per point of length (down-left); across it: (s, s).
        (double, double) P(double along, double across) => (center - along * s + across * s, along * s + across * s);
        return [P(0, 0), P(length, 0), P(length, h), P(0, h)];
    }

    // Separating axis test for convex polygons; touching edges do not count as overlap.
    private static bool Overlap((double X, double Y)[] a, (double X, double Y)[] b)
    {
        foreach (var polygon in new[] { a, b })
        {
            for (var i = 0; i < polygon.Length; i++)
            {
                var p = polygon[i];
                var q = polygon[(i + 1) % polygon.Length];
                var axis = (X: q.Y - p.Y, Y: p.X - q.X);
                var (minA, maxA) = Project(a, axis);
                var (minB, maxB) = Project(b, axis);
                if (maxA <= minB + 1e-6 || maxB <= minA + 1e-6)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (double Min, double Max) Project((double X, double Y)[] polygon, (double X, double Y) axis)
    {
        var values = polygon.Select(p => p.X * axis.X + p.Y * axis.Y).ToList();
        return (values.Min(), values.Max());
    }
}
