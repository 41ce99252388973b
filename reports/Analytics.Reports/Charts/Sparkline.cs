using PdfSharp.Drawing;

namespace Analytics.Reports.Charts;

/// <summary>A small line without axes showing a recent trend, with the latest value dotted.</summary>
public static class Sparkline
{
    /// <summary>Draws the values left to right scaled to the area's height; draws nothing for no values, a flat line for one.</summary>
    /// <param name="g">The graphics.</param>
    /// <param name="area">The box; nothing is drawn outside it.</param>
    /// <param name="values">The values, oldest first; non-finite values are skipped.</param>
    public static void Draw(XGraphics g, XRect area, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(g);
        var points = (values ?? []).Where(double.IsFinite).ToList();
        if (points.Count == 0 || area.Width < 4 || area.Height < 3)
        {
            return;
        }

        var state = g.Save();
        g.IntersectClip(area);
        try
        {
            const double dot = 2.6;
            var inner = new XRect(area.Left + dot / 2, area.Top + dot / 2, area.Width - dot, area.Height - dot);
            var low = points.Min();
            var high = points.Max();
            double Y(double v) => high > low ? inner.Bottom - (v - low) / (high - low) * inner.Height : inner.Top + inner.Height / 2;

            var color = Palette.Series(1);
            if (points.Count == 1)
            {
                g.DrawLine(new XPen(color, 1), inner.Left, Y(points[0]), inner.Right, Y(points[0]));
            }
            else
            {
                var step = inner.Width / (points.Count - 1);
                g.DrawLines(new XPen(color, 1) { LineJoin = XLineJoin.Round }, [.. points.Select((v, i) => new XPoint(inner.Left + i * step, Y(v)))]);
            }

            var last = new XPoint(inner.Right, Y(points[^1]));
            g.DrawEllipse(new XSolidBrush(Palette.Series(0)), last.X - dot / 2, last.Y - dot / 2, dot, dot);
        }
        finally
        {
            g.Restore(state);
        }
    }
}
