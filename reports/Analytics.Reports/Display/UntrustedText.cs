using System.Text;

namespace Analytics.Reports.Display;

/// <summary>
/// Makes text that comes from the CRM (partner, company and deal names, reasons) safe to show: it removes the Unicode
/// bidirectional controls, with which a name could visually reorder whatever follows it in an email or a PDF, and the
/// invisible control characters. Both email parts and every string a PDF draws go through <see cref="Neutralise"/>.
/// </summary>
public static class UntrustedText
{
    /// <summary>
    /// <paramref name="text"/> without bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069),
    /// C0 controls other than tab and line feed (so CR goes: a CRLF becomes LF), DEL and C1 controls (U+0080-U+009F).
    /// Unpaired surrogates, which no font or mail client can show, become U+FFFD. Everything else is kept as it is
    /// (right-to-left letters too: only the invisible controls are removed). Returns the same instance when there is
    /// nothing to remove.
    /// </summary>
    /// <param name="text">The text; null is treated as empty.</param>
    /// <returns>The neutralised text.</returns>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstToChange(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (!IsRemoved(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is one of the characters <see cref="Neutralise"/> removes.</summary>
    /// <param name="c">A UTF-16 code unit.</param>
    /// <returns>True for a bidirectional control or an invisible control character.</returns>
    public static bool IsRemoved(char c) => c switch
    {
        '\t' or '\n' => false,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    private static int FirstToChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsRemoved(c))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
