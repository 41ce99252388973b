using Analytics.Cli.Shell;

namespace Analytics.Cli.Tests.Shell;

public sealed class SqlTextTests
{
    [Theory]
    [InlineData("select 1;", true)]
    [InlineData("select 1", false)]
    [InlineData("select 1;  ", true)]
    [InlineData("select 1; -- done", true)]
    [InlineData("select 1; /* done */", true)]
    [InlineData("select ';'", false)]
    [InlineData("select ';", false)]
    [InlineData("select 1 -- ;", false)]
    [InlineData("select 1 /* ; */", false)]
    [InlineData("select 1 /* ;", false)]
    [InlineData("select 1 /* /* nested */ ; */", false)]
    [InlineData("select \"a;\"", false)]
    [InlineData("select $$ ; $$", false)]
    [InlineData("select $tag$ ; $$ ; $tag$;", true)]
    [InlineData("select E'\\';'", false)]
    [InlineData("select E'\\'';", true)]
    [InlineData("select $1;", true)]
    [InlineData("select 1;\nselect 2", false)]
    [InlineData("select 'it''s';", true)]
    public void EndsStatement_finds_a_semicolon_outside_quotes_and_comments(string text, bool expected)
    {
        Assert.Equal(expected, SqlText.EndsStatement(text));
    }

    [Fact]
    public void Split_returns_each_statement_without_its_semicolon_and_skips_empty_ones()
    {
        Assert.Equal(["select 'a;b'", " select 2", " -- c;\nselect 3"], SqlText.Split("select 'a;b'; select 2;; -- c;\nselect 3;"));
        Assert.Empty(SqlText.Split(" ; -- nothing\n/* here */ ;"));
    }

    [Theory]
    [InlineData("copy t to 'x'", new[] { "copy", "t", "to" })]
    [InlineData("  -- note\n /* c */ EXPLAIN Analyze copy", new[] { "explain", "analyze", "copy" })]
    [InlineData("(select 1)", new string[0])]
    public void LeadingWords_skips_blanks_and_comments(string statement, string[] expected)
    {
        Assert.Equal(expected, SqlText.LeadingWords(statement, 3));
    }

    [Theory]
    [InlineData("select a,\n   b\nfrom t;\n", "select a, b from t;")]
    [InlineData("select /* a\n comment */ 1;\n", "select /* a comment */ 1;")]
    [InlineData("select 1 -- note\n;\n", null)]
    [InlineData("select 'two\nlines';\n", null)]
    [InlineData("select $$two\nlines$$;\n", null)]
    public void OneLine_joins_lines_only_when_that_keeps_the_sql(string text, string? expected)
    {
        Assert.Equal(expected, SqlText.OneLine(text));
    }
}
