using System.Text;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

/// <summary>Files that cannot be read row by row without guessing are refused whole; the previous snapshot stays.</summary>
public sealed partial class FileDropSourceTests
{
    [Fact]
    public void A_runaway_quote_refuses_the_file_naming_file_and_line_and_keeps_the_previous_snapshot()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") });
        var first = Extract(dir, drop, threshold: 0.05);
        var rows = new StringBuilder();
        for (var i = 1; i <= 2_000; i++)
        {
            // Line 101 (the 100th row) opens a quote in next_step that no later line closes.
            rows.Append(DropFolder.Opportunity($"OPP{i}", ("next_step", i == 100 ? "\"Send quote" : "Send quote")));
        }

        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = rows.ToString() });

        var error = Assert.Throws<SourceException>(() => Extract(dir, drop, threshold: 0.05));

        Assert.StartsWith("opportunities.csv:101: the quoted field (column 'next_step') opened on line 101 runs on across line breaks", error.Message);
        Assert.Equal(["OPP1"], LandedIds(dir));
        Assert.Equal(first.RunId, SnapshotPublisher.ReadManifest(new LakeLayout(dir.Combine("lake")), Day)!.RunId);
    }

    [Theory]
    [InlineData("arr")]
    [InlineData("ARR")]
    public void A_header_naming_a_column_twice_refuses_the_file(string second)
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        var path = Path.Combine(drop, "opportunities.csv");
        var header = File.ReadAllText(path).TrimEnd('\n');
        File.WriteAllText(path, $"{header},{second}\n" + DropFolder.Opportunity("OPP1").TrimEnd('\n') + ",13000.00\n");

        var error = Assert.Throws<SourceException>(() => Extract(dir, drop, threshold: 1.0));

        Assert.StartsWith($"opportunities.csv:1: column '{second}' appears twice in the header (columns 10 and 21)", error.Message);
    }

    [Fact]
    public void Two_source_columns_mapped_onto_one_canonical_column_refuse_the_file()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        var path = Path.Combine(drop, "opportunities.csv");
        var header = File.ReadAllText(path).TrimEnd('\n');
        File.WriteAllText(path, $"{header},ARR__c\n" + DropFolder.Opportunity("OPP1").TrimEnd('\n') + ",13000.00\n");
        var files = new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>
        {
            ["opportunities"] = new("opportunities.csv", FileFormat.Csv, new Dictionary<string, string> { ["arr"] = "ARR__c" }),
        });

        var error = Assert.Throws<SourceException>(() => Extract(dir, files, threshold: 1.0));

        Assert.StartsWith("opportunities.csv:1: columns 'ARR__c' (column 21) and 'arr' (column 10) both map to canonical column arr", error.Message);
    }

    [Fact]
    public void Swapped_mappings_between_columns_of_the_file_are_not_a_duplicate()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1", ("next_step", "Send quote")) });
        var files = new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>
        {
            ["opportunities"] = new("opportunities.csv", FileFormat.Csv, new Dictionary<string, string> { ["name"] = "next_step", ["next_step"] = "name" }),
        });

        var manifest = Extract(dir, files, threshold: 1.0);

        Assert.Equal(1L, manifest.Entities.Single(e => e.Entity == "opportunities").Landed);
    }

    [Fact]
    public void A_json_line_repeating_a_property_is_quarantined_naming_the_property()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        File.Delete(Path.Combine(drop, "partners.csv"));
        File.WriteAllText(Path.Combine(drop, "partners.jsonl"),
            """
            {"partner_id": "P1", "name": "Acme", "partner_type": "reseller", "tier": "elite", "tier": "registered", "region": "emea", "vertical": "saas", "partner_manager_email": "pm@x.com", "joined_at": "2024-01-02T00:00:00Z", "status": "active"}

            """);
        var files = new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>
        {
            ["partners"] = new("partners.jsonl", FileFormat.Jsonl, new Dictionary<string, string>()),
        });

        Extract(dir, files, threshold: 1.0);

        var row = Assert.Single(QuarantineReasons(dir, "partners"));
        Assert.Equal((1L, "tier", "property 'tier' appears twice in the object"), (row.Line, row.Field, row.Reason));
    }
}
