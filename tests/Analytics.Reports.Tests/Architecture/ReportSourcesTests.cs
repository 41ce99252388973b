using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Architecture;

/// <summary>Reports and emails read only marts.*, scores.* and catalog build metadata, never staging, intermediate, config or the lake.</summary>
public sealed class ReportSourcesTests
{
    [Fact]
    public void Every_SQL_text_of_the_reports_project_reads_only_marts_scores_and_catalog_metadata()
    {
        var project = Path.Combine(RepositoryFolder.Root, "reports", "Analytics.Reports");
        var files = Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(project, f).Replace(Path.DirectorySeparatorChar, '/'), Content: File.ReadAllText(f)))
            .ToList();
        Assert.NotEmpty(files);

        var violations = ReportSqlSources.Violations(files).Select(v => v.ToString()).ToList();

        Assert.True(violations.Count == 0, "Reports must read marts.* and scores.* (catalog.* for build metadata only); found:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void A_raw_SQL_literal_reading_staging_is_named_with_its_file_and_relation()
    {
        const string source = """"
            var rows = warehouse.Query("""
                select p.name, a.sourced_arr
                from marts.partner_arr_quarterly as a
                join staging.partners as p using (partner_id)
                """, Map);
            """";

        var violations = ReportSqlSources.Violations([("Qbr/Sample.cs", source)]);

        Assert.Equal([new ReportSqlSources.Violation("Qbr/Sample.cs", "staging.partners")], violations);
        Assert.Equal("Qbr/Sample.cs reads staging.partners", violations[0].ToString());
    }

    [Theory]
    [InlineData("Weekly/Sample.cs", "var n = warehouse.Query(\"select count(*) from intermediate.partner_credits\", Map);", "intermediate.partner_credits")]
    [InlineData("Data/Sample.cs", "var t = warehouse.Query($\"select * from config.tiers where tier = '{tier}'\", Map);", "config.tiers")]
    [InlineData("Data/facts.sql", "select * from lake.opportunities", "lake.opportunities")]
    [InlineData("Qbr/Sample.cs", "var b = warehouse.Query(\"select * from catalog.runs\", Map);", "catalog.runs")]
    public void Ordinary_interpolated_and_sql_file_texts_are_scanned_too(string file, string source, string relation)
    {
        Assert.Equal([new ReportSqlSources.Violation(file, relation)], ReportSqlSources.Violations([(file, source)]));
    }

    [Fact]
    public void Marts_scores_build_metadata_and_comments_pass()
    {
        const string source = """"
            /// <summary>Reads what intermediate.partner_credits feeds (a comment, not SQL).</summary>
            // staging.partners is named here only in a comment
            var rows = warehouse.Query("""
                select d.name, s.score
                from scores.stalled_deals as s
                join marts.deals as d using (opportunity_id)
                where d.stage <> 'staging.partners'
                """, Map);
            var build = warehouse.Query("select run_id from catalog.builds", Map);
            """";

        Assert.Empty(ReportSqlSources.Violations([("Qbr/Sample.cs", source)]));
    }
}
