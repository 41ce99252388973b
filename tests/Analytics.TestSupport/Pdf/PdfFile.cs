using System.Text;
using PdfSharp.Drawing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;

namespace Analytics.TestSupport.Pdf;

/// <summary>
/// A saved PDF read back with PdfPig, so tests check what a reader gets (text, words and letters where they stand,
/// page sizes, fonts, images) without any outside program. Positions are in points from the page's top-left corner,
/// as <see cref="XGraphics"/> draws them, so they compare directly with the areas a test drew into.
/// </summary>
public sealed class PdfFile : IDisposable
{
    // Paths are clipped as the viewer clips them (a chart clips its drawing to its area).
    private static readonly ParsingOptions Options = new() { ClipPaths = true };

    private readonly PdfDocument _document;

    private PdfFile(PdfDocument document) => _document = document;

    /// <summary>The number of pages.</summary>
    public int PageCount => _document.NumberOfPages;

    /// <summary>The document information: title, author, creator, producer, dates.</summary>
    public DocumentInformation Information => _document.Information;

    /// <summary>Opens a PDF file.</summary>
    public static PdfFile Open(string path) => new(PdfDocument.Open(path, Options));

    /// <summary>Opens a PDF held in memory, e.g. an email attachment.</summary>
    public static PdfFile Open(byte[] pdf) => new(PdfDocument.Open(pdf, Options));

    /// <summary>The text of one file's pages, read as <see cref="Text(int?)"/> reads them.</summary>
    public static string TextOf(string path, int? page = null)
    {
        using var pdf = Open(path);
        return pdf.Text(page);
    }

    /// <summary>The text of one page (1-based) or of all pages: one line per baseline, words left to right separated by
    /// one space, pages separated by a form feed. Close to what a person reads, whatever order the content was drawn in.</summary>
    public string Text(int? page = null)
    {
        var pages = page is { } p ? [p] : Enumerable.Range(1, PageCount);
        return string.Join("\n\f", pages.Select(PageText));
    }

    /// <summary>The words of a page with their boxes.</summary>
    public IReadOnlyList<PdfWord> Words(int page)
    {
        var pdfPage = Page(page);
        var height = pdfPage.Height;
        return [.. pdfPage.GetWords()
            .Select(w => new PdfWord(w.Text, Box(w.BoundingBox, height), Baseline(w.Letters[0], height), w.Letters[0].PointSize, w.TextOrientation == TextOrientation.Horizontal))];
    }

    /// <summary>The visible letters of a page (spaces left out) with their glyph boxes and fonts.</summary>
    public IReadOnlyList<PdfLetter> Letters(int page)
    {
        var pdfPage = Page(page);
        var height = pdfPage.Height;
        return [.. pdfPage.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => new PdfLetter(l.Value, Box(l.BoundingBox, height), BaseFont(l.FontName ?? string.Empty), l.PointSize))];
    }

    /// <summary>A page's width and height in points.</summary>
    public (double Width, double Height) PageSize(int page)
    {
        var pdfPage = Page(page);
        return (pdfPage.Width, pdfPage.Height);
    }

    /// <summary>The fonts text is drawn with (subset tags such as <c>ABCDEF+</c> removed), on one page or all.</summary>
    public IReadOnlySet<string> Fonts(int? page = null) =>
        (page is { } p ? [p] : Enumerable.Range(1, PageCount)).SelectMany(n => Page(n).Letters).Select(l => BaseFont(l.FontName ?? string.Empty)).ToHashSet(StringComparer.Ordinal);

    /// <summary>How many images are drawn, on one page or all.</summary>
    public int ImageCount(int? page = null) =>
        (page is { } p ? [p] : Enumerable.Range(1, PageCount)).Sum(n => Page(n).NumberOfImages);

    /// <summary>
    /// Everything that leaves ink on a page: each visible letter's glyph box, each path's box after clipping (stroke
    /// width included; shapes only filled white left out, as they leave no mark on white paper), each image's box.
    /// </summary>
    public IReadOnlyList<XRect> InkBoxes(int page)
    {
        var pdfPage = Page(page);
        var height = pdfPage.Height;
        var boxes = pdfPage.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => Box(l.BoundingBox, height)).ToList();
        foreach (var path in pdfPage.Paths.Where(path => !path.IsClipping && (path.IsStroked || (path.IsFilled && !IsWhite(path.FillColor)))))
        {
            if (path.GetBoundingRectangle() is { } bounds)
            {
                var box = Box(bounds, height);
                var half = path.IsStroked ? path.LineWidth / 2 : 0;
                boxes.Add(new XRect(box.X - half, box.Y - half, box.Width + 2 * half, box.Height + 2 * half));
            }
        }

        boxes.AddRange(pdfPage.GetImages().Select(i => Box(i.BoundingBox, height)));
        return boxes;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _document.Dispose();

    private Page Page(int number) => number >= 1 && number <= PageCount
        ? _document.GetPage(number)
        : throw new ArgumentOutOfRangeException(nameof(number), number, $"The PDF has pages 1 to {PageCount}.");

    private string PageText(int page)
    {
        var text = new StringBuilder();
        List<PdfWord> line = [];
        foreach (var word in Words(page).OrderBy(w => w.Baseline).ThenBy(w => w.Box.Left))
        {
            // Words on one baseline (within a fifth of their size) are one line, whichever order they were drawn in.
            if (line.Count > 0 && word.Baseline - line[0].Baseline > Math.Max(1, line[0].Size / 5))
            {
                text.AppendJoin(' ', line.OrderBy(w => w.Box.Left).Select(w => w.Text)).Append('\n');
                line.Clear();
            }

            line.Add(word);
        }

        return text.AppendJoin(' ', line.OrderBy(w => w.Box.Left).Select(w => w.Text)).ToString();
    }

    private static double Baseline(Letter letter, double pageHeight) => pageHeight - letter.StartBaseLine.Y;

    private static XRect Box(PdfRectangle r, double pageHeight)
    {
        double[] xs = [r.TopLeft.X, r.TopRight.X, r.BottomLeft.X, r.BottomRight.X];
        double[] ys = [r.TopLeft.Y, r.TopRight.Y, r.BottomLeft.Y, r.BottomRight.Y];
        return new XRect(xs.Min(), pageHeight - ys.Max(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
    }

    private static string BaseFont(string name) => name.Length > 7 && name[6] == '+' && name[..6].All(char.IsAsciiLetterUpper) ? name[7..] : name;

    private static bool IsWhite(IColor? color)
    {
        if (color is null)
        {
            return false;
        }

        var (r, g, b) = color.ToRGBValues();
        return r > 0.97 && g > 0.97 && b > 0.97;
    }
}

/// <summary>A word as PdfPig reads it: its text, its box and baseline (points from the top-left), its size, and whether
/// it runs left to right (rotated axis labels do not; their box is the upright box around the slanted word).</summary>
public sealed record PdfWord(string Text, XRect Box, double Baseline, double Size, bool Horizontal);

/// <summary>A visible letter: its text, glyph box (points from the top-left), font (without subset tag) and size.</summary>
public sealed record PdfLetter(string Text, XRect Box, string Font, double Size);
