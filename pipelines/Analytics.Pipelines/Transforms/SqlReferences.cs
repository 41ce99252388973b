using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Pipelines.Transforms;

/// <summary>
/// Finds which relations a model's SQL reads: every <c>schema.name</c> whose schema is one of the given schemas,
/// outside comments and string literals. The runner derives the build order from these references, so no order
/// list is kept by hand.
/// </summary>
public static partial class SqlReferences
{
    /// <summary>The qualified names (lowercase) <paramref name="sql"/> mentions in <paramref name="schemas"/>.</summary>
    public static IReadOnlySet<string> Find(string sql, IEnumerable<string> schemas)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var wanted = schemas.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in QualifiedName().Matches(CodeOnly(sql)))
        {
            var schema = match.Groups["schema"].Value.ToLowerInvariant();
            if (wanted.Contains(schema))
            {
                found.Add(schema + "." + match.Groups["name"].Value.ToLowerInvariant());
            }
        }

        return found;
    }

    /// <summary>
    /// Replaces each reference to <paramref name="from"/> (outside comments and strings) with <paramref name="to"/>;
    /// used to derive a staging model's "as of" view from the model itself.
    /// </summary>
    public static string Replace(string sql, string from, string to)
    {
        var code = CodeOnly(sql);
        var result = new StringBuilder(sql);
        var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(from).Replace(@"\.", @"\s*\.\s*", StringComparison.Ordinal) + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (var match in pattern.Matches(code).Reverse())
        {
            result.Remove(match.Index, match.Length).Insert(match.Index, to);
        }

        return result.ToString();
    }

    /// <summary>The SQL with comments and string literals blanked out (same length, so offsets still match).</summary>
    internal static string CodeOnly(string sql)
    {
        var chars = sql.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (chars[i] == '-' && i + 1 < chars.Length && chars[i + 1] == '-')
            {
                while (i < chars.Length && chars[i] != '\n')
                {
                    chars[i++] = ' ';
                }
            }
            else if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? chars.Length : end + 2;
                Blank(chars, i, end);
                i = end;
            }
            else if (chars[i] == '\'')
            {
                // '' inside a literal is an escaped quote: scanning on from it finds the literal's real end.
                var end = i + 1;
                while (end < chars.Length && !(chars[end] == '\'' && (end + 1 >= chars.Length || chars[end + 1] != '\'')))
                {
                    end += chars[end] == '\'' ? 2 : 1;
                }

                end = Math.Min(end + 1, chars.Length);
                Blank(chars, i, end);
                i = end;
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    private static void Blank(char[] chars, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (chars[k] != '\n')
            {
                chars[k] = ' ';
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.""])(?<schema>[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)(?![\w(])", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();
}
