namespace Analytics.Cli.Dictionary;

/// <summary>
/// How a dictionary page on disk differs from the one the catalog gives: the first differing line, and a short summary
/// of which tables and columns differ, for <c>analytics docs --check</c> and the test that keeps docs/warehouse.md current.
/// </summary>
/// <param name="Line">The first line (from 1) that differs.</param>
/// <param name="FileLine">That line in the file; null past its end.</param>
/// <param name="CatalogLine">That line as the catalog gives it; null past its end.</param>
/// <param name="Summary">One item per table that differs (and one for the rest of the page), e.g.
/// <c>`marts.win_rates`: columns mean_won_arr (changed)</c>.</param>
internal sealed record DictionaryDiff(int Line, string? FileLine, string? CatalogLine, IReadOnlyList<string> Summary)
{
    /// <summary>The difference between <paramref name="file"/> and <paramref name="catalog"/>, or null when they are the same.</summary>
    public static DictionaryDiff? Compare(string file, string catalog)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(catalog);
        file = file.Replace("\r\n", "\n", StringComparison.Ordinal); // a checkout with CRLF line ends says the same
        if (string.Equals(file, catalog, StringComparison.Ordinal))
        {
            return null;
        }

        var fileLines = Lines(file);
        var catalogLines = Lines(catalog);
        var line = 0;
        while (line < fileLines.Length && line < catalogLines.Length && fileLines[line] == catalogLines[line])
        {
            line++;
        }

        return new DictionaryDiff(line + 1, line < fileLines.Length ? fileLines[line] : null, line < catalogLines.Length ? catalogLines[line] : null,
            Summarize(Page.Parse(fileLines), Page.Parse(catalogLines)));
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static List<string> Summarize(Page file, Page catalog)
    {
        var summary = new List<string>();
        if (!file.Other.SequenceEqual(catalog.Other))
        {
            summary.Add("the header, the contents or a schema's paragraph");
        }

        foreach (var name in catalog.Tables.Keys.Union(file.Tables.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!file.Tables.TryGetValue(name, out var inFile))
            {
                summary.Add($"`{name}`: only in the catalog (missing from the file)");
            }
            else if (!catalog.Tables.TryGetValue(name, out var inCatalog))
            {
                summary.Add($"`{name}`: only in the file (no longer in the catalog)");
            }
            else if (!inFile.Lines.SequenceEqual(inCatalog.Lines))
            {
                summary.Add($"`{name}`: {TableDifference(inFile, inCatalog)}");
            }
        }

        return summary;
    }

    private static string TableDifference(Section file, Section catalog)
    {
        var columns = catalog.Columns.Keys.Union(file.Columns.Keys).Distinct(StringComparer.Ordinal)
            .Select(c => !file.Columns.TryGetValue(c, out var f) ? $"{c} (only in the catalog)"
                : !catalog.Columns.TryGetValue(c, out var k) ? $"{c} (only in the file)"
                : f != k ? $"{c} (changed)" : null)
            .OfType<string>().ToList();
        var rest = !file.Lines.Where(l => !file.Columns.ContainsValue(l)).SequenceEqual(catalog.Lines.Where(l => !catalog.Columns.ContainsValue(l)));
        return (columns.Count > 0, rest) switch
        {
            (true, true) => $"columns {string.Join(", ", columns)}; and its description, lineage or data tests",
            (true, false) => $"columns {string.Join(", ", columns)}",
            _ => "its description, lineage or data tests",
        };
    }

    /// <summary>One table's lines, and its column rows by column name.</summary>
    private sealed record Section(List<string> Lines, Dictionary<string, string> Columns);

    /// <summary>A page split into table sections (<c>### `table`</c>) and everything else.</summary>
    private sealed record Page(List<string> Other, Dictionary<string, Section> Tables)
    {
        public static Page Parse(string[] lines)
        {
            var page = new Page([], new Dictionary<string, Section>(StringComparer.Ordinal));
            Section? current = null;
            var inColumns = false;
            foreach (var line in lines)
            {
                if (line.StartsWith("### `", StringComparison.Ordinal))
                {
                    current = new Section([], new Dictionary<string, string>(StringComparer.Ordinal));
                    page.Tables[line[4..].Trim('`')] = current;
                    inColumns = false;
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
                {
                    current = null;
                }

                if (current is null)
                {
                    page.Other.Add(line);
                    continue;
                }

                current.Lines.Add(line);
                if (line.StartsWith("| column |", StringComparison.Ordinal))
                {
                    inColumns = true;
                }
                else if (line.Length == 0)
                {
                    inColumns = false;
                }
                else if (inColumns && line.StartsWith("| `", StringComparison.Ordinal))
                {
                    var end = line.IndexOf('`', 3);
                    current.Columns[end > 3 ? line[3..end] : line] = line;
                }
            }

            return page;
        }
    }
}
