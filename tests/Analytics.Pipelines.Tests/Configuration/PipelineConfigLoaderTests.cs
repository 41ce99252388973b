using Analytics.Pipelines.Configuration;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Configuration;

public sealed partial class PipelineConfigLoaderTests
{
    private const string File = "/repo/pipeline.yaml";

    [Fact]
    public void An_empty_file_gives_the_demo_source_and_paths_under_data()
    {
        var config = PipelineConfigLoader.Parse(string.Empty, File);

        Assert.Equal(SourceKind.Demo, config.Source.Kind);
        Assert.Equal("/repo/data/lake", config.Paths.Lake);
        Assert.Equal("/repo/data/warehouse/analytics.duckdb", config.Paths.Warehouse);
        Assert.Equal(0.05, config.Extract.QuarantineThreshold);
        Assert.Equal(18, config.Backfill.Months);
        Assert.Equal(SnapshotCadence.Week, config.Backfill.Every);
        Assert.Equal(1, config.Fiscal.YearStartMonth);
    }

    [Fact]
    public void A_file_drop_source_reads_its_folder_formats_and_column_mapping()
    {
        var config = PipelineConfigLoader.Parse("""
            source:
              kind: files
              files:
                folder: drop
                format: jsonl
                timestamp_format: "MM/dd/yyyy HH:mm"
                entities:
                  opportunities:
                    file: Opportunity.csv
                    format: csv
                    columns:
                      opportunity_id: Id
                      arr: ARR__c
            """, File);

        Assert.Equal(SourceKind.Files, config.Source.Kind);
        Assert.Equal("/repo/drop", config.Source.Files.Folder);
        Assert.Equal(FileFormat.Jsonl, config.Source.Files.Format);
        var opportunities = config.Source.Files.Entities["opportunities"];
        Assert.Equal(("Opportunity.csv", FileFormat.Csv), (opportunities.File, opportunities.Format));
        Assert.Equal("ARR__c", opportunities.Columns["arr"]);
        Assert.Equal("MM/dd/yyyy HH:mm", config.Source.Files.TimestampFormat);
    }

    [Theory]
    [InlineData("sourse:\n  kind: demo\n", "pipeline.yaml:1: unknown key 'sourse' at the top level")]
    [InlineData("source:\n  kind: salesforse\n", "pipeline.yaml:2: 'source.kind' must be one of demo, files, salesforce, postgres, hubspot, not 'salesforse'")]
    [InlineData("extract:\n  quarantine_threshold: 5%\n", "pipeline.yaml:2: 'extract.quarantine_threshold' must be a number from 0 to 1, not '5%'")]
    [InlineData("backfill:\n  months: 0\n", "pipeline.yaml:2: 'backfill.months' must be a whole number from 1 to 120, not '0'")]
    [InlineData("fiscal:\n  year_start_month: 13\n", "'fiscal.year_start_month' must be a whole number from 1 to 12")]
    [InlineData("source:\n  files:\n    entities:\n      deals:\n        file: d.csv\n", "pipeline.yaml:4: 'source.files.entities.deals' is not a canonical entity")]
    [InlineData("source:\n  files:\n    entities:\n      opportunities:\n        columns:\n          amount: Amount\n", "pipeline.yaml:6: 'source.files.entities.opportunities.columns.amount' is not a column of opportunities")]
    [InlineData("source: [1, 2\n", "pipeline.yaml:2: not valid YAML")]
    [InlineData("paths: data\n", "pipeline.yaml:1: 'paths' must be a mapping")]
    [InlineData("source:\n\tkind: demo\n", "pipeline.yaml:2:1: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.")]
    [InlineData("# paths\nsource:\n  kind: demo\npaths:\n\tlake: x\n", "pipeline.yaml:5:1: a tab indents this line")]
    [InlineData("source:\n  kind: demo\npaths:\n  lake: x\n  \twarehouse: y\n", "pipeline.yaml:5:3: a tab indents this line")]
    public void A_mistake_is_an_error_naming_the_file_line_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml"));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# pipeline.yaml: the one configuration\n# (the rest was lost)\n")]
    [InlineData("{}\n")]
    public void Loading_an_empty_file_is_refused_rather_than_run_on_the_demo_defaults(string text)
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("pipeline.yaml");
        System.IO.File.WriteAllText(file, text);

        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Load(file));

        Assert.Equal($"{file}: the configuration is empty; refusing to run on built-in defaults and the demo CRM (a truncated or blank file?). "
            + "Restore it, or name at least the source, e.g. 'source: { kind: demo }'.", error.Message);
    }

    [Theory]
    [InlineData("paths:\n  lake: data/lake\n")]
    [InlineData("source:\npaths:\n  lake: data/lake\n")]
    public void A_configuration_without_a_source_section_loads_but_is_refused_where_data_is_landed(string text)
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("pipeline.yaml");
        System.IO.File.WriteAllText(file, text);

        var config = PipelineConfigLoader.Load(file);
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.RequireSource(config));

        Assert.False(config.Source.Declared);
        Assert.Equal($"{file}: no 'source:' section, so there is nothing to extract from; refusing to fall back to the demo CRM. "
            + "Name the source explicitly: 'source: { kind: demo }', or 'kind: files' with 'files: { folder: ... }'.", error.Message);
    }

    [Theory]
    [InlineData("source:\n  kind: demo\n")]
    [InlineData("source:\n  kind: files\n  files:\n    folder: drop\n")]
    public void A_configuration_naming_its_source_is_accepted_where_data_is_landed(string text)
    {
        var config = PipelineConfigLoader.Parse(text, File);

        Assert.Same(config, PipelineConfigLoader.RequireSource(config));
    }

    [Fact]
    public void A_missing_file_says_where_it_was_looked_for()
    {
        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Load("/nowhere/pipeline.yaml"));

        Assert.Contains("/nowhere/pipeline.yaml: configuration file not found", error.Message);
    }

    [Fact]
    public void Find_takes_the_nearest_pipeline_yaml_at_or_above_the_folder()
    {
        using var dir = new TempDirectory();
        var inner = Directory.CreateDirectory(dir.Combine("repo", "notebooks", "q4")).FullName;
        System.IO.File.WriteAllText(dir.Combine("repo", "pipeline.yaml"), "source: { kind: demo }\n");

        Assert.Equal(dir.Combine("repo", "pipeline.yaml"), PipelineConfigLoader.Find(inner));
        System.IO.File.WriteAllText(dir.Combine("repo", "notebooks", "pipeline.yaml"), "source: { kind: demo }\n");
        Assert.Equal(dir.Combine("repo", "notebooks", "pipeline.yaml"), PipelineConfigLoader.Find(inner));
    }
}
