using PdfSharp.Drawing;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// The charts of one report, kept vector: while pages are composed each chart is only planned (its page, its box and
/// how to build its ScottPlot <see cref="Plot"/>); when the report is finished every chart is rendered as one page of
/// a single Skia PDF (<see cref="SKDocument.CreatePdf(Stream)"/>), and each of those pages is placed into its box with
/// PDFsharp's <see cref="XPdfForm"/>. The charts stay paths and text (extractable, no bitmaps), and the fonts they share
/// are embedded once in the Skia PDF and so imported once into the report.
/// </summary>
internal sealed class ChartSheet : IDisposable
{
    private static readonly XPen ResetPen = new(XColors.White, 0.01) { DashStyle = XDashStyle.Solid, LineCap = XLineCap.Flat, LineJoin = XLineJoin.Miter };

    private readonly List<(Func<XGraphics> Graphics, XRect Area, Func<Plot> Build)> _charts = [];
    private MemoryStream? _pdf;
    private XPdfForm? _form;

    /// <summary>How many charts are planned.</summary>
    public int Count => _charts.Count;

    /// <summary>Plans a chart: <paramref name="build"/> makes its plot, drawn <paramref name="area"/>'s size into that box.</summary>
    /// <param name="graphics">The graphics of the page the chart goes on (asked for when the chart is placed).</param>
    /// <param name="area">The chart's box in points; the chart is drawn this size, nothing outside it.</param>
    /// <param name="build">Builds the plot (called once, when the report is finished).</param>
    public void Add(Func<XGraphics> graphics, XRect area, Func<Plot> build)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentNullException.ThrowIfNull(build);
        if (area.Width >= 1 && area.Height >= 1)
        {
            _charts.Add((graphics, area, build));
        }
    }

    /// <summary>The planned charts as one Skia PDF, one page per chart sized to its box (points), in planning order.</summary>
    /// <returns>The PDF's bytes.</returns>
    public byte[] RenderPdf()
    {
        using var stream = new MemoryStream();
        Render(stream);
        return stream.ToArray();
    }

    /// <summary>Renders every planned chart and draws each onto its page; call once, before the pages' graphics are released.</summary>
    public void Place()
    {
        if (_charts.Count == 0 || _form is not null)
        {
            return;
        }

        _pdf = new MemoryStream();
        Render(_pdf);
        _pdf.Position = 0;
        _form = XPdfForm.FromStream(_pdf);
        for (var i = 0; i < _charts.Count; i++)
        {
            var (graphics, area, _) = _charts[i];
            _form.PageNumber = i + 1;
            var g = graphics();
            // A form inherits the page's graphics state, and Skia's content assumes PDF's defaults (solid lines): a dash
            // left by the page's last dashed pen would dash every line of the chart. A solid hairline resets it.
            g.DrawLine(ResetPen, area.Left, area.Top, area.Left, area.Top);
            g.DrawImage(_form, area);
        }
    }

    /// <summary>Releases the rendered chart PDF.</summary>
    public void Dispose()
    {
        _form?.Dispose();
        _pdf?.Dispose();
    }

    private void Render(Stream target)
    {
        ChartFonts.Register();
        using (var skia = new SKManagedWStream(target))
        using (var document = SKDocument.CreatePdf(skia, new SKDocumentPdfMetadata { RasterDpi = 300, EncodingQuality = 101 }))
        {
            foreach (var (_, area, build) in _charts)
            {
                var width = (float)area.Width;
                var height = (float)area.Height;
                var canvas = document.BeginPage(width, height);
                using (var plot = build())
                {
                    // ScottPlot renders twice when a plot's size and limits are new to it (it lays out, then draws
                    // again); on a PDF page both would stay, every mark twice. A first render that draws nothing
                    // settles the layout, so the page gets one.
                    var rect = new PixelRect(0, width, height, 0);
                    using (var settle = new SKNoDrawCanvas((int)Math.Ceiling(width), (int)Math.Ceiling(height)))
                    {
                        plot.Render(settle, rect);
                    }

                    plot.Render(canvas, rect);
                }

                document.EndPage();
            }

            document.Close();
        }
    }
}
