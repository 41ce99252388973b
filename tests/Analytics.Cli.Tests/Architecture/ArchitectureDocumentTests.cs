using System.Text.RegularExpressions;
using System.Xml.Linq;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Architecture;

/// <summary>
/// docs/architecture.md stays true: its project table is what the .csproj files reference, every product project is in
/// it, no test project references another test project, and every repository path it names exists.
/// </summary>
public sealed partial class ArchitectureDocumentTests
{
    private static readonly string Document = File.ReadAllText(RepositoryFolder.Combine("docs", "architecture.md"));

    [Fact]
    public void Each_project_references_exactly_the_projects_its_row_names()
    {
        var rows = ProjectRows();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var csproj = RepositoryFolder.Combine(row.Folder, row.Project + ".csproj");
            Assert.True(File.Exists(csproj), $"docs/architecture.md names {row.Project} in {row.Folder}, but {csproj} does not exist.");
            var actual = References(csproj).Order(StringComparer.Ordinal).ToList();
            Assert.True(actual.SequenceEqual(row.References.Order(StringComparer.Ordinal)),
                $"{row.Project}: docs/architecture.md says it references [{string.Join(", ", row.References)}], its .csproj references [{string.Join(", ", actual)}].");
        }
    }

    [Fact]
    public void Every_product_project_and_the_test_support_project_has_a_row()
    {
        var documented = ProjectRows().Select(r => r.Project).ToHashSet(StringComparer.Ordinal);
        var products = new[] { "pipelines", "models", "reports" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFolder.Combine(folder), "*.csproj", SearchOption.AllDirectories))
            .Append(RepositoryFolder.Combine("tests", "Analytics.TestSupport", "Analytics.TestSupport.csproj"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        var undocumented = products.Where(p => !documented.Contains(p!)).ToList();
        Assert.True(undocumented.Count == 0, "docs/architecture.md has no row for: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Test_projects_reference_the_test_support_project_and_never_another_test_project()
    {
        var testProjects = Directory.EnumerateFiles(RepositoryFolder.Combine("tests"), "*.Tests.csproj", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(testProjects);
        foreach (var csproj in testProjects)
        {
            var references = References(csproj);
            Assert.Contains("Analytics.TestSupport", references);
            Assert.DoesNotContain(references, r => r.EndsWith(".Tests", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_repository_path_the_document_names_exists()
    {
        var missing = RepositoryPath().Matches(Document)
            .Select(m => m.Groups["path"].Value.TrimEnd('/', '.', ','))
            .Where(p => !p.Contains('<', StringComparison.Ordinal) && !p.Contains('*', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(p => !File.Exists(RepositoryFolder.Combine(p)) && !Directory.Exists(RepositoryFolder.Combine(p)))
            .ToList();

        Assert.True(missing.Count == 0, "docs/architecture.md names paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_row_naming_a_reference_the_csproj_lacks_is_reported_by_project()
    {
        var rows = ProjectRows("""
            | project | folder | what is inside | references |
            |---|---|---|---|
            | Analytics.Models | `models/Analytics.Models` | models | Analytics.Pipelines, Analytics.Reports |
            """);

        var row = Assert.Single(rows);
        Assert.Equal(["Analytics.Pipelines", "Analytics.Reports"], row.References);
        Assert.False(References(RepositoryFolder.Combine(row.Folder, row.Project + ".csproj")).Order(StringComparer.Ordinal).SequenceEqual(row.References));
    }

    private sealed record ProjectRow(string Project, string Folder, IReadOnlyList<string> References);

    private static List<ProjectRow> ProjectRows(string? text = null) => ProjectRowPattern().Matches(text ?? Document)
        .Select(m => new ProjectRow(m.Groups["project"].Value, m.Groups["folder"].Value,
            m.Groups["references"].Value.Trim() == "(none)"
                ? []
                : m.Groups["references"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        .ToList();

    private static List<string> References(string csproj) => XDocument.Load(csproj).Descendants("ProjectReference")
        .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
        .ToList();

    [GeneratedRegex(@"^\| (?<project>Analytics\.[\w.]+) \| `(?<folder>[^`]+)` \| [^|]+ \| (?<references>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex ProjectRowPattern();

    [GeneratedRegex(@"`(?<path>(?:pipelines|models|reports|tests|docs|scripts|notebooks)/[^`\s]+)`")]
    private static partial Regex RepositoryPath();
}
