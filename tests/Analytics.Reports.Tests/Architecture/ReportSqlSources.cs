using System.Text.RegularExpressions;
using Analytics.Pipelines.Transforms;

namespace Analytics.Reports.Tests.Architecture;

/// <summary>
/// The SQL a reports project holds, and the warehouse relations it reads that reports may not read. Reports read
/// marts.* and scores.*, and catalog.* only for build metadata (ARCHITECTURE.md "reports read marts + scores only").
/// </summary>
internal static partial class ReportSqlSources
{
    /// <summary>The warehouse's schemas: a qualified name in one of these is a relation the SQL reads.</summary>
    public static readonly string[] WarehouseSchemas = ["lake", "staging", "intermediate", "marts", "scores", "config", "catalog", "test_failures"];

    /// <summary>The catalog tables that hold build metadata: the build, its data tests, model evaluations, the delivery ledger.</summary>
    public static readonly string[] MetadataTables = ["catalog.builds", "catalog.tests", "catalog.model_evaluations", "catalog.deliveries", "catalog.metrics"];

    /// <summary>A relation read from outside the allowed schemas: the file holding the SQL and the relation.</summary>
    public sealed record Violation(string File, string Relation)
    {
        /// <inheritdoc/>
        public override string ToString() => $"{File} reads {Relation}";
    }

    /// <summary>Whether reports may read <paramref name="relation"/> (a lowercase schema.name).</summary>
    public static bool IsAllowed(string relation) =>
        relation.StartsWith("marts.", StringComparison.Ordinal) || relation.StartsWith("scores.", StringComparison.Ordinal) || MetadataTables.Contains(relation);

    /// <summary>
    /// The SQL texts of a source file: for a .sql file its whole text; for a .cs file every string literal (raw
    /// <c>"""</c> literals and ordinary or interpolated ones), comments left out.
    /// </summary>
    public static IEnumerable<string> SqlTexts(string fileName, string content)
    {
        if (fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            yield return content;
            yield break;
        }

        // One left-to-right pass, so a comment inside a string or a quote inside a comment or char literal is read as such.
        foreach (Match token in Token().Matches(content))
        {
            if (token.Groups["text"].Success)
            {
                yield return token.Groups["text"].Value;
            }
        }
    }

    /// <summary>Every relation the given files' SQL reads that reports may not read.</summary>
    public static IReadOnlyList<Violation> Violations(IEnumerable<(string File, string Content)> files) =>
        files.SelectMany(f => SqlTexts(f.File, f.Content)
                .SelectMany(sql => SqlReferences.Find(sql, WarehouseSchemas))
                .Where(relation => !IsAllowed(relation))
                .Distinct(StringComparer.Ordinal)
                .Select(relation => new Violation(f.File, relation)))
            .ToList();

    [GeneratedRegex(@"(?<comment>//[^\n]*|/\*.*?\*/)|'(?:[^'\\\n]|\\.)+'|""{3,}(?<text>.*?)""{3,}|""(?<text>(?:[^""\\\n]|\\.)*)""", RegexOptions.Singleline)]
    private static partial Regex Token();
}
