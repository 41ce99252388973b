namespace Analytics.Cli.Shell;

/// <summary>
/// Where statements end in text typed into the sql shell: at a <c>;</c> outside string literals (<c>'..'</c>, with
/// <c>E'..'</c> backslash escapes), quoted identifiers (<c>".."</c>), dollar-quoted strings (<c>$tag$..$tag$</c>) and
/// comments (<c>-- ..</c> to the end of the line, <c>/* .. */</c>, nested as DuckDB's parser nests them).
/// </summary>
internal static class SqlText
{
    private enum State
    {
        Code,
        String,
        EscapeString,
        QuotedIdentifier,
        DollarString,
        LineComment,
        BlockComment,
    }

    /// <summary>
    /// Whether <paramref name="text"/> is complete: nothing is left open (a string, quoted identifier or block comment)
    /// and its last character that is neither blank nor in a comment is a <c>;</c> that ends a statement.
    /// </summary>
    public static bool EndsStatement(string text)
    {
        var scan = Scan(text);
        return scan.Open is false && scan.EndsWithTerminator;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> joined into one, each trimmed, with a space between: the same SQL when no
    /// line ends inside a literal and no <c>--</c> comment would swallow what follows; otherwise null.
    /// </summary>
    public static string? OneLine(string text)
    {
        var scan = Scan(text);
        return scan.LineComment || scan.BreakInLiteral
            ? null
            : string.Join(' ', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Whether <paramref name="text"/> holds anything but blanks and comments.</summary>
    public static bool HasCode(string text) => Split(text).Count > 0;

    /// <summary>
    /// The statements of <paramref name="text"/> without their terminating <c>;</c>, in order; pieces holding only blanks
    /// and comments are left out. A last statement without <c>;</c> is included.
    /// </summary>
    public static IReadOnlyList<string> Split(string text) => Scan(text).Statements;

    /// <summary>
    /// The first <paramref name="count"/> words of a statement, lowercase, skipping blanks and comments; fewer when
    /// something other than a word comes first (a parenthesis, a literal).
    /// </summary>
    public static IReadOnlyList<string> LeadingWords(string statement, int count)
    {
        var words = new List<string>(count);
        var i = 0;
        while (words.Count < count && i < statement.Length)
        {
            var c = statement[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < statement.Length && statement[i + 1] == '-')
            {
                var end = statement.IndexOf('\n', i);
                i = end < 0 ? statement.Length : end + 1;
            }
            else if (c == '/' && i + 1 < statement.Length && statement[i + 1] == '*')
            {
                var end = statement.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? statement.Length : end + 2;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < statement.Length && IsWordChar(statement[i]))
                {
                    i++;
                }

                words.Add(statement[start..i].ToLowerInvariant());
            }
            else
            {
                break;
            }
        }

        return words;
    }

    private static ScanResult Scan(string text)
    {
        var statements = new List<string>();
        var state = State.Code;
        var start = 0;
        var hasCode = false;
        var endsWithTerminator = false;
        var depth = 0;
        var tag = string.Empty;
        var lineComment = false;
        var breakInLiteral = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            breakInLiteral |= c == '\n' && state is State.String or State.EscapeString or State.QuotedIdentifier or State.DollarString;
            switch (state)
            {
                case State.Code:
                    if (c == '-' && next == '-')
                    {
                        state = State.LineComment;
                        lineComment = true;
                        i++;
                    }
                    else if (c == '/' && next == '*')
                    {
                        state = State.BlockComment;
                        depth = 1;
                        i++;
                    }
                    else if (c == ';')
                    {
                        if (hasCode)
                        {
                            statements.Add(text[start..i]);
                        }

                        start = i + 1;
                        hasCode = false;
                        endsWithTerminator = true;
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        hasCode = true;
                        endsWithTerminator = false;
                        if (c == '\'')
                        {
                            state = IsEscapePrefix(text, i) ? State.EscapeString : State.String;
                        }
                        else if (c == '"')
                        {
                            state = State.QuotedIdentifier;
                        }
                        else if (c == '$' && DollarTag(text, i) is { } opened)
                        {
                            tag = opened;
                            state = State.DollarString;
                            i += tag.Length - 1;
                        }
                    }

                    break;
                case State.String:
                    state = c == '\'' ? State.Code : state; // '' inside a string closes and reopens it: the same for finding ends
                    break;
                case State.EscapeString:
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '\'')
                    {
                        state = State.Code;
                    }

                    break;
                case State.QuotedIdentifier:
                    state = c == '"' ? State.Code : state;
                    break;
                case State.DollarString:
                    if (c == '$' && string.CompareOrdinal(text, i, tag, 0, tag.Length) == 0)
                    {
                        state = State.Code;
                        i += tag.Length - 1;
                    }

                    break;
                case State.LineComment:
                    state = c == '\n' ? State.Code : state;
                    break;
                case State.BlockComment:
                    if (c == '/' && next == '*')
                    {
                        depth++;
                        i++;
                    }
                    else if (c == '*' && next == '/')
                    {
                        depth--;
                        i++;
                        state = depth == 0 ? State.Code : state;
                    }

                    break;
            }
        }

        if (hasCode)
        {
            statements.Add(text[start..]);
        }

        var open = state is not (State.Code or State.LineComment);
        return new ScanResult(statements, open, endsWithTerminator && !hasCode, lineComment, breakInLiteral);
    }

    /// <summary>An E (or e) right before the quote, not the end of a longer word: a string with backslash escapes.</summary>
    private static bool IsEscapePrefix(string text, int quote) =>
        quote >= 1 && text[quote - 1] is 'e' or 'E' && (quote < 2 || !IsWordChar(text[quote - 2]));

    /// <summary>The tag (<c>$$</c> or <c>$name$</c>) opening a dollar-quoted string at <paramref name="at"/>; null for a parameter such as <c>$1</c> or <c>$name</c>.</summary>
    private static string? DollarTag(string text, int at)
    {
        if (at > 0 && IsWordChar(text[at - 1]))
        {
            return null;
        }

        var end = at + 1;
        if (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            return null;
        }

        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] == '$' ? text[at..(end + 1)] : null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private sealed record ScanResult(IReadOnlyList<string> Statements, bool Open, bool EndsWithTerminator, bool LineComment, bool BreakInLiteral);
}
