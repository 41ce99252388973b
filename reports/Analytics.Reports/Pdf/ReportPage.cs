using Analytics.Reports.Charts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Analytics.Reports.Pdf;

/// <summary>
/// One page of a <see cref="ReportDocument"/>: its graphics, the free content rectangle below the heading band,
/// and a cursor for flowing blocks top to bottom (<see cref="Take"/>, <see cref="Remaining"/>).
/// </summary>
public sealed class ReportPage
{
    private XGraphics? _graphics;

    internal ReportPage(PdfPage pdfPage, XGraphics graphics, int number, string heading, XRect content, ChartSheet charts)
    {
        Charts = charts;
        PdfPage = pdfPage;
        _graphics = graphics;
        Number = number;
        Heading = heading;
        Content = content;
        CursorY = content.Top;
    }

    /// <summary>The graphics to draw on this page, in points from the top-left corner.</summary>
    /// <exception cref="InvalidOperationException">The document was saved; its pages are final.</exception>
    public XGraphics Graphics => _graphics
        ?? throw new InvalidOperationException($"Page {Number} ('{Heading}') is final: the report was saved.");

    /// <summary>The 1-based page number.</summary>
    public int Number { get; }

    /// <summary>The page heading.</summary>
    public string Heading { get; }

    /// <summary>The free area below the heading band and above the footer.</summary>
    public XRect Content { get; }

    /// <summary>Where the next block flows from (starts at the top of <see cref="Content"/>).</summary>
    public double CursorY { get; private set; }

    /// <summary>The height left between the cursor and the bottom of <see cref="Content"/>.</summary>
    public double Remaining => Math.Max(0, Content.Bottom - CursorY);

    /// <summary>The part of <see cref="Content"/> from the cursor down.</summary>
    public XRect RemainingArea => new(Content.Left, CursorY, Content.Width, Remaining);

    internal PdfPage PdfPage { get; }

    /// <summary>The report's charts, drawn onto their pages when the report is finished.</summary>
    internal ChartSheet Charts { get; }

    /// <summary>Whether a block of <paramref name="height"/> points still fits below the cursor.</summary>
    /// <param name="height">The block's height in points.</param>
    /// <returns>True when it fits.</returns>
    public bool Fits(double height) => height <= Remaining + 0.01;

    /// <summary>Takes a full-width block of <paramref name="height"/> points at the cursor and moves the cursor below it.</summary>
    /// <param name="height">The block's height in points.</param>
    /// <param name="gapAfter">Space left below the block before the next one.</param>
    /// <returns>The block's rectangle.</returns>
    /// <exception cref="InvalidOperationException">The block does not fit; check <see cref="Fits"/> or add a page.</exception>
    public XRect Take(double height, double gapAfter = 0)
    {
        if (height < 0 || double.IsNaN(height))
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "A block's height must be zero or more points.");
        }

        if (!Fits(height))
        {
            throw new InvalidOperationException(
                $"A block of {height:0.#} pt does not fit on page {Number} ('{Heading}'): {Remaining:0.#} pt remain. Check Fits first or add a page.");
        }

        var block = new XRect(Content.Left, CursorY, Content.Width, height);
        CursorY = Math.Min(Content.Bottom, CursorY + height + Math.Max(0, gapAfter));
        return block;
    }

    /// <summary>Moves the cursor down by <paramref name="height"/> points (not past the bottom of the content).</summary>
    /// <param name="height">The space to skip.</param>
    public void Skip(double height) => MoveTo(CursorY + height);

    /// <summary>Moves the cursor to <paramref name="y"/>, kept within <see cref="Content"/>.</summary>
    /// <param name="y">The new cursor position in points from the page top.</param>
    public void MoveTo(double y) => CursorY = Math.Clamp(y, Content.Top, Content.Bottom);

    internal void ReleaseGraphics()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
