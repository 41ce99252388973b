using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Analytics.Reports.Display;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Which characters a report font can draw, read from the face's own character map (the TrueType <c>cmap</c> table),
/// and <see cref="Drawable"/>: text with every character the face lacks replaced by a visible substitute. PDFsharp has
/// no font fallback and draws a missing character as the face's empty box (glyph 0); DejaVu has no emoji, and the
/// machines have no other font (fonts-dejavu-core only), so "Acme 🚀 Partners" is drawn "Acme � Partners".
/// </summary>
public static class FontCoverage
{
    /// <summary>What replaces a character the face lacks: U+FFFD, or "?" in a face without it.</summary>
    public const char Substitute = '\uFFFD';

    private static readonly ConcurrentDictionary<string, IReadOnlySet<int>> Faces = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> as <paramref name="font"/> can draw it: neutralised (<see cref="UntrustedText.Neutralise"/>:
    /// no bidi or control characters; a tab becomes a space), each character the face lacks replaced by
    /// <see cref="Substitute"/> (or "?"), with the invisible parts of an emoji sequence (zero-width joiner, variation
    /// selectors, skin-tone modifiers, tags) dropped after a substitute or when the face lacks them, so one emoji gives one substitute. Line feeds
    /// are kept for the callers that split lines. Returns the same instance when nothing changes.
    /// </summary>
    /// <param name="text">The text to draw; null is treated as empty.</param>
    /// <param name="font">The font it is drawn in.</param>
    /// <returns>Text every character of which the face can draw.</returns>
    public static string Drawable(string? text, XFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        var neutral = UntrustedText.Neutralise(text).Replace('\t', ' ');
        var covered = CharactersOf(font);
        if (AllCovered(neutral, covered))
        {
            return neutral;
        }

        var substitute = covered.Contains(Substitute) ? Substitute : '?';
        var drawable = new StringBuilder(neutral.Length);
        var joined = false; // the last thing written is a substitute and a joiner followed it: the next rune is part of it
        foreach (var rune in neutral.EnumerateRunes())
        {
            var afterSubstitute = drawable.Length > 0 && drawable[^1] == substitute;
            if (IsInvisibleModifier(rune.Value) && (afterSubstitute || !covered.Contains(rune.Value)))
            {
                // Part of the emoji just replaced (or invisible anyway): a joiner joins the next rune to it as well.
                joined = rune.Value == 0x200D && afterSubstitute;
            }
            else if (rune.Value == '\n' || covered.Contains(rune.Value))
            {
                drawable.Append(rune.ToString());
                joined = false;
            }
            else if (!joined)
            {
                drawable.Append(substitute);
            }
            else
            {
                joined = false;
            }
        }

        return drawable.ToString();
    }

    /// <summary>Whether <paramref name="font"/>'s face has a glyph for the code point <paramref name="codePoint"/>.</summary>
    /// <param name="font">The font.</param>
    /// <param name="codePoint">A Unicode code point.</param>
    /// <returns>True when the face maps it to a glyph other than the empty box.</returns>
    public static bool Covers(XFont font, int codePoint)
    {
        ArgumentNullException.ThrowIfNull(font);
        return CharactersOf(font).Contains(codePoint);
    }

    private static bool AllCovered(string text, IReadOnlySet<int> covered)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != '\n' && !covered.Contains(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInvisibleModifier(int c) =>
        c == 0x200D || c is >= 0xFE00 and <= 0xFE0F || c is >= 0x1F3FB and <= 0x1F3FF || c is >= 0xE0020 and <= 0xE007F;

    private static IReadOnlySet<int> CharactersOf(XFont font)
    {
        PdfSetup.Initialize();
        var resolver = GlobalFontSettings.FontResolver
            ?? throw new InvalidOperationException("No PDFsharp font resolver is installed (PdfSetup.Initialize).");
        var face = resolver.ResolveTypeface(font.FontFamily.Name, font.Bold, font.Italic)?.FaceName
            ?? throw new InvalidOperationException($"The font resolver has no face for '{font.FontFamily.Name}'.");
        return Faces.GetOrAdd(face, name => ReadCharacterMap(resolver.GetFont(name)
            ?? throw new InvalidOperationException($"The font resolver gave no bytes for the face '{name}'.")));
    }

    /// <summary>The code points a TrueType/OpenType file maps to a glyph: its Windows Unicode cmap subtable, full
    /// repertoire (3,10; format 12) when present, else BMP (3,1 or 0,x; format 4).</summary>
    /// <param name="font">The font file's bytes.</param>
    /// <returns>The code points with a glyph other than 0.</returns>
    internal static IReadOnlySet<int> ReadCharacterMap(byte[] font)
    {
        var data = font.AsSpan();
        var tables = U16(data, 4);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (data.Slice(record, 4).SequenceEqual("cmap"u8))
            {
                cmap = (int)U32(data, record + 8);
            }
        }

        if (cmap < 0)
        {
            throw new InvalidDataException("The font file has no cmap table.");
        }

        int full = -1, bmp = -1;
        for (var i = 0; i < U16(data, cmap + 2); i++)
        {
            var record = cmap + 4 + (8 * i);
            var (platform, encoding, offset) = (U16(data, record), U16(data, record + 2), cmap + (int)U32(data, record + 4));
            var format = U16(data, offset);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0))
            {
                full = offset;
            }
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0))
            {
                bmp = offset;
            }
        }

        var covered = new HashSet<int>();
        if (full >= 0)
        {
            ReadFormat12(data, full, covered);
        }
        else if (bmp >= 0)
        {
            ReadFormat4(data, bmp, covered);
        }
        else
        {
            throw new InvalidDataException("The font file has no Unicode cmap subtable of format 4 or 12.");
        }

        return covered;
    }

    private static void ReadFormat4(ReadOnlySpan<byte> data, int table, HashSet<int> covered)
    {
        var segments = U16(data, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            var (start, end, delta, rangeOffset) = (U16(data, starts + 2 * s), U16(data, ends + 2 * s), U16(data, deltas + 2 * s), U16(data, rangeOffsets + 2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF : U16(data, rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
                if (rangeOffset != 0 && glyph != 0)
                {
                    glyph = (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    covered.Add(c);
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> data, int table, HashSet<int> covered)
    {
        var groups = U32(data, table + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + (12 * g);
            var (start, end, glyph) = (U32(data, group), U32(data, group + 4), U32(data, group + 8));
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                if (glyph + (c - start) != 0)
                {
                    covered.Add((int)c);
                }
            }
        }
    }

    private static int U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
