using Analytics.Reports.Pdf;
using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>What every chart shares: the title, the "No data" notice, the legend, the value axis and category labels.</summary>
internal static class ChartFrame
{
    internal const double Padding = 2;
    internal const double AxisFontSize = 7.5;

    private static readonly double Sin45 = Math.Sqrt(0.5);

    /// <summary>Draws the title at the top of the area (ellipsized) and returns the area below it.</summary>
    internal static XRect DrawTitle(XGraphics g, XRect area, string? title)
    {
        var inner = Inflate(area, -Padding);
        if (string.IsNullOrWhiteSpace(title) || inner.Height <= 0)
        {
            return inner;
        }

        var font = ReportFonts.Subheading;
        var height = font.GetHeight();
        if (height > inner.Height)
        {
            return inner;
        }

        g.DrawReportText(TextFit.Ellipsize(g, title, font, inner.Width), font, new XSolidBrush(Palette.Text),
            new XRect(inner.Left, inner.Top, inner.Width, height), XStringFormats.TopLeft);
        var below = height + 4;
        return new XRect(inner.Left, inner.Top + below, inner.Width, Math.Max(0, inner.Height - below));
    }

    /// <summary>Writes "No data" in the middle of the area, with a light frame so the empty space reads as deliberate.</summary>
    internal static void DrawNoData(XGraphics g, XRect area)
    {
        if (area.Width <= 2 || area.Height <= 2)
        {
            return;
        }

        g.DrawRectangle(new XPen(Palette.Grid, 0.6) { DashStyle = XDashStyle.Dash }, Inflate(area, -0.5));
        var font = ReportFonts.Of(Math.Min(9, Math.Max(5, area.Height * 0.6)));
        g.DrawReportText(TextFit.Ellipsize(g, "No data", font, area.Width - 4), font, new XSolidBrush(Palette.Muted), area, XStringFormats.Center);
    }

    /// <summary>Draws legend entries left to right, wrapping to more rows; returns the height used.</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">Where the legend may go (it starts at the top).</param>
    /// <param name="names">The series names.</param>
    /// <param name="drawKey">Draws series i's key (swatch or line sample) into a 14 x 8 box.</param>
    internal static double DrawLegend(XGraphics g, XRect area, IReadOnlyList<string> names, Action<int, XRect> drawKey)
    {
        var font = ReportFonts.Small;
        var rowHeight = font.GetHeight() + 3;
        const double keyWidth = 14, keyGap = 4, entryGap = 12;
        double x = area.Left, y = area.Top;
        var brush = new XSolidBrush(Palette.Text);
        for (var i = 0; i < names.Count; i++)
        {
            var maxText = Math.Max(10, area.Width - keyWidth - keyGap);
            var text = TextFit.Ellipsize(g, names[i], font, Math.Min(maxText, area.Width / 2));
            var width = keyWidth + keyGap + g.MeasureString(text, font).Width;
            if (x > area.Left && x + width > area.Right)
            {
                x = area.Left;
                y += rowHeight;
            }

            if (y + rowHeight > area.Bottom)
            {
                break;
            }

            drawKey(i, new XRect(x, y + (rowHeight - 8) / 2 - 1, keyWidth, 8));
            g.DrawReportText(text, font, brush, new XRect(x + keyWidth + keyGap, y, width, rowHeight - 2), XStringFormats.CenterLeft);
            x += width + entryGap;
        }

        return y + rowHeight - area.Top;
    }

    /// <summary>How many ticks suit an axis this long (about one per 28 pt, between 2 and 6 intervals).</summary>
    internal static int TickCount(double length) => Math.Clamp((int)(length / 28), 2, 6);

    /// <summary>The widest tick label, for reserving the axis' room.</summary>
    internal static double WidestLabel(XGraphics g, IReadOnlyList<string> labels, XFont font) =>
        labels.Count == 0 ? 0 : labels.Max(l => g.MeasureString(l, font).Width);

    /// <summary>
    /// Plans the category axis of a vertical chart: the slot per category and the label layout. When labels are turned,
    /// the plot moves right (by at most a fifth of the width) so the first label need not be cut at the area's left edge.
    /// </summary>
    internal static (double PlotLeft, double Slot, LabelPlan Plan) PlanCategories(XGraphics g, IReadOnlyList<string> categories, XRect body, double plotLeft, double rightPad, double maxHeight)
    {
        var font = ReportFonts.Of(AxisFontSize);
        var widths = categories.Select(c => g.MeasureString(c ?? "", font).Width).ToList();
        var slot = Math.Max(0.01, (body.Right - rightPad - plotLeft) / categories.Count);
        var plan = CategoryLabelLayout.Plan(widths, AxisFontSize, slot, maxHeight);
        if (!plan.Rotated)
        {
            return (plotLeft, slot, plan);
        }

        var lineHeight = CategoryLabelLayout.LineHeightFactor * plan.FontSize;
        var first = Math.Min(widths[0] * plan.FontSize / AxisFontSize, plan.MaxLabelWidth);
        var needed = (first + lineHeight) * Sin45 - (plotLeft + slot / 2 - body.Left);
        if (needed <= 0)
        {
            return (plotLeft, slot, plan);
        }

        plotLeft += Math.Min(needed, body.Width * 0.2);
        slot = Math.Max(0.01, (body.Right - rightPad - plotLeft) / categories.Count);
        return (plotLeft, slot, CategoryLabelLayout.Plan(widths, AxisFontSize, slot, maxHeight));
    }

    /// <summary>Draws category labels under a horizontal axis according to a plan.</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="labels">The categories.</param>
    /// <param name="centerX">Each category's centre x.</param>
    /// <param name="top">The y just below the axis.</param>
    /// <param name="plan">The layout.</param>
    /// <param name="leftLimit">Rotated labels must not reach left of this x.</param>
    internal static void DrawCategoryLabels(XGraphics g, IReadOnlyList<string> labels, Func<int, double> centerX, double top, LabelPlan plan, double leftLimit)
    {
        var font = ReportFonts.Of(plan.FontSize);
        var brush = new XSolidBrush(Palette.Text);
        var lineHeight = CategoryLabelLayout.LineHeightFactor * plan.FontSize;
        for (var i = 0; i < labels.Count; i++)
        {
            if (!plan.Shows(i))
            {
                continue;
            }

            var x = centerX(i);
            if (!plan.Rotated)
            {
                var text = TextFit.Ellipsize(g, labels[i], font, plan.MaxLabelWidth + 0.5);
                g.DrawReportText(text, font, brush, new XRect(x - plan.MaxLabelWidth / 2 - 1, top, plan.MaxLabelWidth + 2, lineHeight), XStringFormats.TopCenter);
                continue;
            }

            // Anchored at its right end under the category, running down-left at 45°; never past leftLimit.
            var room = Math.Max(0, (x - leftLimit) / Sin45 - lineHeight);
            var rotated = TextFit.Ellipsize(g, labels[i], font, Math.Min(plan.MaxLabelWidth, room) + 0.5);
            var width = g.MeasureString(rotated, font).Width;
            var state = g.Save();
            var anchor = new XPoint(x + lineHeight * Sin45 / 2, top + 1);
            g.RotateAtTransform(-45, anchor);
            g.DrawReportText(rotated, font, brush, new XRect(anchor.X - width, anchor.Y, width, lineHeight), XStringFormats.TopRight);
            g.Restore(state);
        }
    }

    /// <summary>The rectangle shrunk (negative amount) or grown on every side, never below zero size.</summary>
    internal static XRect Inflate(XRect r, double amount) =>
        new(r.Left - amount, r.Top - amount, Math.Max(0, r.Width + 2 * amount), Math.Max(0, r.Height + 2 * amount));

    /// <summary>
    /// The frame every series chart shares: clips to <paramref name="area"/>, draws the title, "No data" when no series
    /// has a value, and a legend (keys by <paramref name="drawKey"/>) when there is more than one series; then hands the
    /// remaining body and the non-null series to <paramref name="drawPlot"/>.
    /// </summary>
    internal static void Draw(XGraphics g, XRect area, string? title, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        Action<int, XRect> drawKey, Action<XRect, IReadOnlyList<Series>> drawPlot)
    {
        ArgumentNullException.ThrowIfNull(g);
        var state = g.Save();
        g.IntersectClip(area);
        try
        {
            var body = DrawTitle(g, area, title);
            if (!HasData(categories, series))
            {
                DrawNoData(g, body);
                return;
            }

            var all = series.Where(s => s?.Values is not null).ToList();
            if (all.Count > 1)
            {
                var legendHeight = DrawLegend(g, body, [.. all.Select(s => s.Name ?? "")], drawKey);
                body = new XRect(body.Left, body.Top + legendHeight + 2, body.Width, Math.Max(0, body.Height - legendHeight - 2));
            }

            drawPlot(body, all);
        }
        finally
        {
            g.Restore(state);
        }
    }

    /// <summary>Whether any series has a value.</summary>
    internal static bool HasData(IReadOnlyList<string>? categories, IReadOnlyList<Series>? series) =>
        categories is { Count: > 0 } && series is { Count: > 0 } &&
        series.Any(s => s?.Values is not null && Enumerable.Range(0, categories.Count).Any(i => s.ValueAt(i) is not null));

    /// <summary>Draws a series' line marker centred on a point.</summary>
    internal static void DrawMarker(XGraphics g, MarkerShape shape, XPoint p, double size, XColor color)
    {
        var brush = new XSolidBrush(color);
        var outline = new XPen(XColors.White, 0.6);
        var r = size / 2;
        switch (shape)
        {
            case MarkerShape.Square:
                g.DrawRectangle(outline, brush, p.X - r * 0.9, p.Y - r * 0.9, r * 1.8, r * 1.8);
                break;
            case MarkerShape.Triangle:
                g.DrawPolygon(outline, brush, [new(p.X, p.Y - r * 1.1), new(p.X + r * 1.1, p.Y + r * 0.8), new(p.X - r * 1.1, p.Y + r * 0.8)], XFillMode.Winding);
                break;
            case MarkerShape.Diamond:
                g.DrawPolygon(outline, brush, [new(p.X, p.Y - r * 1.2), new(p.X + r * 1.2, p.Y), new(p.X, p.Y + r * 1.2), new(p.X - r * 1.2, p.Y)], XFillMode.Winding);
                break;
            case MarkerShape.Cross:
                var pen = new XPen(color, 1.3);
                g.DrawLine(pen, p.X - r, p.Y - r, p.X + r, p.Y + r);
                g.DrawLine(pen, p.X - r, p.Y + r, p.X + r, p.Y - r);
                break;
            default:
                g.DrawEllipse(outline, brush, p.X - r, p.Y - r, size, size);
                break;
        }
    }

    /// <summary>Draws a dashed reference line's label just above the line's right end, on a white backing.</summary>
    internal static void DrawReferenceLabel(XGraphics g, string label, double right, double y, double maxWidth, double minTop)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return;
        }

        var font = ReportFonts.SmallBold;
        var text = TextFit.Ellipsize(g, label, font, maxWidth);
        var width = g.MeasureString(text, font).Width;
        var height = font.GetHeight();
        var top = Math.Max(minTop, y - height - 1);
        var box = new XRect(right - width - 2, top, width + 2, height);
        g.DrawRectangle(XBrushes.White, box);
        g.DrawReportText(text, font, new XSolidBrush(Palette.Accent), box, XStringFormats.CenterRight);
    }
}
