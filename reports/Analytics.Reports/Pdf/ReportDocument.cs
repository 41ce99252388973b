using Analytics.Reports.Charts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Analytics.Reports.Pdf;

/// <summary>
/// An A4 report being composed: pages with a heading band and a footer ("page n of N" is drawn when saving,
/// once N is known). Save with <see cref="Save"/> or <see cref="ToBytes"/>; after that no page can be added.
/// </summary>
public sealed class ReportDocument : IDisposable
{
    /// <summary>Left and right page margin in points.</summary>
    public const double SideMargin = 32;

    /// <summary>Top page margin in points.</summary>
    public const double TopMargin = 26;

    /// <summary>Bottom page margin in points (below the footer).</summary>
    public const double BottomMargin = 20;

    private const double FooterHeight = 16;
    private const double HeadingGap = 12;

    private readonly PdfDocument _pdf;
    private readonly List<ReportPage> _pages = [];
    private readonly ChartSheet _charts = new();
    private bool _finished;
    private byte[]? _bytes;
    private bool _disposed;

    /// <summary>Starts an empty report.</summary>
    /// <param name="title">The report's title, shown above every page heading and stored as the PDF title.</param>
    /// <param name="footerLeft">The footer's left text, e.g. "Snapshot 2026-11-21 · run 20261121T0200-ab12".</param>
    /// <param name="orientation">Landscape (842 x 595 pt, the default) or portrait A4.</param>
    /// <param name="createdAt">The PDF creation date; pass the snapshot's time for reproducible output (default: now, UTC).</param>
    public ReportDocument(string title, string footerLeft, PageOrientation orientation = PageOrientation.Landscape, DateTime? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(footerLeft);
        PdfSetup.Initialize();
        _pdf = new PdfDocument();
        Title = title;
        FooterLeft = footerLeft;
        Orientation = orientation;
        var created = createdAt ?? DateTime.UtcNow;
        _pdf.Info.Title = title;
        _pdf.Info.Author = "Partner analytics";
        _pdf.Info.Creator = "Analytics.Reports";
        _pdf.Info.CreationDate = created;
        _pdf.Info.ModificationDate = created;
        _pdf.PageLayout = PdfPageLayout.SinglePage;
        // The file ID comes from what the report is, not from a fresh GUID, so a rerun of a snapshot gives the same ID.
        // (PDFsharp still picks random font-subset tags and XMP UUIDs; those it does not let us set.)
        var id = DocumentId(title, footerLeft, created);
        _pdf.Internals.FirstDocumentID = id;
        _pdf.Internals.SecondDocumentID = id;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>The footer's left text.</summary>
    public string FooterLeft { get; }

    /// <summary>The page orientation.</summary>
    public PageOrientation Orientation { get; }

    /// <summary>How many pages have been added.</summary>
    public int PageCount => _pages.Count;

    /// <summary>The pages added so far, in order.</summary>
    public IReadOnlyList<ReportPage> Pages => _pages;

    /// <summary>Adds a page and draws its heading band and footer rule.</summary>
    /// <param name="heading">The page heading, e.g. "Pipeline by stage".</param>
    /// <param name="subheading">An optional line under the heading, e.g. the partner and the quarter.</param>
    /// <returns>The page; draw into its <see cref="ReportPage.Content"/>.</returns>
    /// <exception cref="InvalidOperationException">The document was already saved or disposed.</exception>
    public ReportPage AddPage(string heading, string? subheading = null)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("Pages cannot be added after the report was saved: page numbers are already drawn.");
        }

        var pdfPage = _pdf.AddPage();
        pdfPage.Size = PageSize.A4;
        pdfPage.Orientation = Orientation;
        var width = pdfPage.Width.Point;
        var height = pdfPage.Height.Point;
        var graphics = XGraphics.FromPdfPage(pdfPage);

        var contentTop = DrawHeading(graphics, width, heading, subheading);
        var footerTop = height - BottomMargin - FooterHeight;
        var content = new XRect(SideMargin, contentTop, width - 2 * SideMargin, footerTop - 8 - contentTop);
        var page = new ReportPage(pdfPage, graphics, _pages.Count + 1, heading, content, _charts);
        _pages.Add(page);
        return page;
    }

    /// <summary>Writes the PDF atomically: to a temporary file beside <paramref name="path"/>, then moved over it.</summary>
    /// <param name="path">The target file; missing folders are created.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ToBytes();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The PDF's bytes, e.g. for an email attachment. The first call (or <see cref="Save"/>) finishes the document: page numbers are drawn and no page can be added.</summary>
    /// <returns>The PDF file's bytes.</returns>
    public byte[] ToBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_bytes is null)
        {
            Finish();
            // PDFsharp can serialize a document only once; later calls get a copy of the same bytes.
            using var stream = new MemoryStream();
            _pdf.Save(stream, closeStream: false);
            _bytes = stream.ToArray();
        }

        return (byte[])_bytes.Clone();
    }

    /// <summary>Releases the page graphics and the PDFsharp document.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        foreach (var page in _pages)
        {
            page.ReleaseGraphics();
        }

        _pdf.Dispose();
        _charts.Dispose();
        _disposed = true;
    }

    private static string DocumentId(string title, string footerLeft, DateTime created)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{title}\n{footerLeft}\n{created.ToUniversalTime():O}"));
        // PDFsharp keeps IDs as strings of byte-valued characters and writes them as hex.
        return new string([.. hash.Take(16).Select(b => (char)b)]);
    }

    private void Finish()
    {
        if (_finished)
        {
            return;
        }

        if (_pages.Count == 0)
        {
            // A PDF needs a page; an empty report says so rather than failing.
            var empty = AddPage(Title);
            empty.Graphics.DrawReportText("No content.", ReportFonts.Body, new XSolidBrush(Palette.Muted), empty.Content, XStringFormats.TopLeft);
        }

        // Every chart of the report rendered at once into one Skia PDF, its pages placed as forms (vector).
        _charts.Place();
        foreach (var page in _pages)
        {
            DrawFooter(page);
            page.ReleaseGraphics();
        }

        _finished = true;
    }

    private double DrawHeading(XGraphics g, double pageWidth, string heading, string? subheading)
    {
        var width = pageWidth - 2 * SideMargin;
        var muted = new XSolidBrush(Palette.Muted);
        var text = new XSolidBrush(Palette.Text);
        var y = TopMargin;

        var small = ReportFonts.Small;
        g.DrawReportText(TextFit.Ellipsize(g, Title.ToUpperInvariant(), small, width), small, muted,
            new XRect(SideMargin, y, width, small.GetHeight()), XStringFormats.TopLeft);
        y += small.GetHeight() + 2;

        var headingFont = ReportFonts.Heading;
        g.DrawReportText(TextFit.Ellipsize(g, heading, headingFont, width), headingFont, text,
            new XRect(SideMargin, y, width, headingFont.GetHeight()), XStringFormats.TopLeft);
        y += headingFont.GetHeight();

        if (!string.IsNullOrWhiteSpace(subheading))
        {
            var body = ReportFonts.Body;
            g.DrawReportText(TextFit.Ellipsize(g, subheading, body, width), body, muted,
                new XRect(SideMargin, y + 1, width, body.GetHeight()), XStringFormats.TopLeft);
            y += body.GetHeight() + 1;
        }

        y += 4;
        g.DrawLine(new XPen(Palette.Series(0), 1.2), SideMargin, y, SideMargin + width, y);
        return y + HeadingGap;
    }

    private void DrawFooter(ReportPage page)
    {
        var g = page.Graphics;
        var pageWidth = page.PdfPage.Width.Point;
        var footerTop = page.PdfPage.Height.Point - BottomMargin - FooterHeight;
        var width = pageWidth - 2 * SideMargin;
        var font = ReportFonts.Small;
        var brush = new XSolidBrush(Palette.Muted);
        g.DrawLine(new XPen(Palette.Grid, 0.6), SideMargin, footerTop, SideMargin + width, footerTop);

        var right = $"page {page.Number} of {_pages.Count}";
        var rightWidth = g.MeasureString(right, font).Width;
        var textBox = new XRect(SideMargin, footerTop + 4, width, font.GetHeight());
        g.DrawReportText(right, font, brush, textBox, XStringFormats.TopRight);
        var left = TextFit.Ellipsize(g, FooterLeft, font, width - rightWidth - 16);
        g.DrawReportText(left, font, brush, textBox, XStringFormats.TopLeft);
    }
}
