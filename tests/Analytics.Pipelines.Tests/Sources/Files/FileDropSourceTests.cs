using System.Text;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Extraction;
using Analytics.Pipelines.Lake;
using Analytics.Pipelines.Sources;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

public sealed partial class FileDropSourceTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void A_drop_full_of_bad_rows_lands_the_good_ones_and_quarantines_each_bad_one_with_its_reason()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        var opportunities = new StringBuilder();
        opportunities.Append(DropFolder.Opportunity("OPP1"));                                              // line 2: good
        opportunities.Append(DropFolder.Opportunity("OPP2", ("arr", "twelve thousand")));                  // 3: wrong type
        opportunities.Append(DropFolder.Opportunity("OPP3", ("stage", "negotiating")));                    // 4: unknown stage
        opportunities.Append(DropFolder.Opportunity("OPP1"));                                              // 5: duplicate id
        opportunities.Append(DropFolder.Opportunity(""));                                                  // 6: missing id
        opportunities.Append(DropFolder.Opportunity("OPP6", ("arr", "-5.00")));                            // 7: negative ARR
        opportunities.Append(DropFolder.Opportunity("OPP7", ("close_date", "9999-12-31")));                // 8: year 9999
        opportunities.Append(DropFolder.Opportunity("OPP8", ("name", new string('x', 1_000_000))));        // 9: a 1 MB string
        opportunities.Append(DropFolder.Opportunity("OPP9", ("created_at", "2026-02-30T00:00:00Z")));      // 10: impossible date
        opportunities.Append(DropFolder.Opportunity("OPP10", ("is_won", "maybe")));                        // 11: bad boolean
        opportunities.Append(DropFolder.Opportunity("OPP11", ("arr", "1,000.00")));                        // 12: too many fields
        opportunities.Append(DropFolder.Opportunity("OPP12", ("stage_index", "9")));                       // 13: out of range
        opportunities.Append(DropFolder.Opportunity("OPP13", ("motion", ""), ("arr", "0.00")));            // 14: good (motion optional, zero ARR)
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = opportunities.ToString() });
        // line 15: invalid UTF-8 bytes cut into the opportunity_type field
        File.AppendAllBytes(Path.Combine(drop, "opportunities.csv"), [.. Encoding.UTF8.GetBytes(DropFolder.Opportunity("OPP14").Replace("Expansion deal", "BAD")).AsSpan(0, 20), 0xFF, 0xFE, .. "x\n"u8]);

        var manifest = Extract(dir, drop, threshold: 1.0);

        var landing = manifest.Entities.Single(e => e.Entity == "opportunities");
        Assert.Equal((14L, 2L, 12L), (landing.Read, landing.Landed, landing.Quarantined));
        Assert.All(manifest.Entities, e => Assert.Equal(e.Read, e.Landed + e.Quarantined));
        var reasons = QuarantineReasons(dir, "opportunities");
        (long Line, string Field, string Reason)[] expected =
        [
            (3, "arr", "'twelve thousand' is not a number"),
            (4, "stage", "'negotiating' is not an accepted value"),
            (5, "opportunity_id", "duplicates the primary key of an earlier row"),
            (6, "opportunity_id", "is required but empty"),
            (7, "arr", "-5.00 is below the minimum 0"),
            (8, "close_date", "date 9999-12-31 is outside the accepted range"),
            (9, "name", "is 1,000,000 characters long; the limit is 4,000"),
            (10, "created_at", "'2026-02-30T00:00:00Z' is not a timestamp"),
            (11, "is_won", "'maybe' is not true or false"),
            (12, "", "has 21 fields; the header has 20"),
            (13, "stage_index", "9 is above the maximum 6"),
            (15, "opportunity_type", "invalid UTF-8"),
        ];
        Assert.Equal(expected.Select(e => (e.Line, e.Field)), reasons.Select(r => (r.Line, r.Field ?? string.Empty)));
        Assert.All(expected.Zip(reasons), pair => Assert.StartsWith(pair.First.Reason, pair.Second.Reason));
        Assert.Equal(["OPP1", "OPP13"], LandedIds(dir));
    }

    [Fact]
    public void Too_many_bad_rows_refuse_the_extract_and_keep_the_previous_snapshot()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP1") + DropFolder.Opportunity("OPP2") });
        var first = Extract(dir, drop, threshold: 0.05);
        DropFolder.Write(drop, new Dictionary<string, string> { ["opportunities"] = DropFolder.Opportunity("OPP3") + DropFolder.Opportunity("OPP4", ("arr", "oops")) });

        var error = Assert.Throws<ExtractFailedException>(() => Extract(dir, drop, threshold: 0.05));

        Assert.Contains("opportunities: 1 of 2 rows quarantined (50.0 %; the limit is 5.0 %", error.Message);
        Assert.Contains("opportunities.csv:3: arr: 'oops' is not a number", error.Message);
        Assert.Equal(["OPP1", "OPP2"], LandedIds(dir));
        var kept = SnapshotPublisher.ReadManifest(new LakeLayout(dir.Combine("lake")), Day)!;
        Assert.Equal(first.RunId, kept.RunId);
        Assert.Equal(first.Entities, kept.Entities);
    }

    [Fact]
    public void A_stage_that_is_not_one_of_the_deals_motion_is_quarantined_naming_line_field_and_motion()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>
        {
            ["opportunities"] = DropFolder.Opportunity("OPP1", ("motion", "referral"), ("stage", "transact"), ("stage_index", "4"))  // line 2: a reseller stage
                + DropFolder.Opportunity("OPP2", ("motion", "referral"), ("stage", "validate"))                                     // 3: good
                + DropFolder.Opportunity("OPP3", ("motion", "referral"), ("stage", "closed_won"), ("stage_index", "6"))             // 4: good, closed
                + DropFolder.Opportunity("OPP4", ("motion", ""), ("stage", "transact"), ("stage_index", "4")),                      // 5: no motion: a hygiene finding
        });

        var manifest = Extract(dir, drop, threshold: 1.0);

        Assert.Equal((4L, 3L, 1L), manifest.Entities.Single(e => e.Entity == "opportunities") is var o ? (o.Read, o.Landed, o.Quarantined) : default);
        var row = Assert.Single(QuarantineReasons(dir, "opportunities"));
        Assert.Equal((2L, "stage", "transact"), (row.Line, row.Field, row.Value));
        Assert.Equal("'transact' is not a stage of the referral motion (its stages: intro_logged, validate, prove_value, commercials, closed_credit, then closed_won or closed_lost)", row.Reason);
    }

    [Fact]
    public void A_missing_required_column_fails_the_source_naming_file_and_column()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        File.WriteAllText(Path.Combine(drop, "partners.csv"), "partner_id,name\nP1,Acme\n");

        var error = Assert.Throws<SourceException>(() => Extract(dir, drop, threshold: 0.05));

        Assert.Contains("partners.csv: required column 'partner_type' is missing", error.Message);
    }

    [Fact]
    public void Mapped_columns_and_json_lines_land_like_canonical_csv()
    {
        using var dir = new TempDirectory();
        var drop = dir.Combine("drop");
        DropFolder.Write(drop, new Dictionary<string, string>());
        File.Delete(Path.Combine(drop, "partners.csv"));
        File.WriteAllText(Path.Combine(drop, "partners.jsonl"),
            """
            {"Id": "P1", "name": "Acme", "partner_type": "reseller", "tier": "elite", "region": "emea", "vertical": "saas", "partner_manager_email": "pm@x.com", "joined_at": "2024-01-02T00:00:00Z", "status": "active"}
            {"Id": "P2", "name": 7, "partner_type": "tech", "tier": "gold", "region": "emea", "vertical": "saas", "partner_manager_email": "pm@x.com", "joined_at": "2024-01-02T00:00:00Z", "status": "active"}

            """);
        var files = new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>
        {
            ["partners"] = new("partners.jsonl", FileFormat.Jsonl, new Dictionary<string, string> { ["partner_id"] = "Id" }),
        });

        var manifest = Extract(dir, files, threshold: 1.0);

        var partners = manifest.Entities.Single(e => e.Entity == "partners");
        Assert.Equal((2L, 1L, 1L), (partners.Read, partners.Landed, partners.Quarantined));
        Assert.Equal((2L, "tier"), QuarantineReasons(dir, "partners").Select(r => (r.Line, r.Field!)).Single());
    }

    private static SnapshotManifest Extract(TempDirectory dir, string drop, double threshold) =>
        Extract(dir, new FileDropConfig(drop, FileFormat.Csv, ',', null, null, new Dictionary<string, EntityFileConfig>()), threshold);

    private static SnapshotManifest Extract(TempDirectory dir, FileDropConfig files, double threshold)
    {
        var config = PipelineConfigLoader.Parse($"paths:\n  lake: {dir.Combine("lake")}\n  runs: {dir.Combine("runs")}\n", dir.Combine("pipeline.yaml")) with
        {
            Extract = new ExtractConfig(threshold, 4000),
        };
        return new ExtractRunner(config, new Pipelines.Sources.Files.FileDropSource(files, 4000), TimeProvider.System).Extract(Day);
    }

    private static List<QuarantinedRow> QuarantineReasons(TempDirectory dir, string entity) =>
        LakeQuery.Rows<(string File, long Line, string? Field, string? Value, string Reason)>(
                $"select file, line, field, value, reason from read_parquet('{dir.Combine("lake", "quarantine", entity, "snapshot_date=2026-11-20", "quarantine.parquet")}') order by line")
            .Select(r => new QuarantinedRow(entity, r.File, r.Line, r.Field, r.Value, r.Reason))
            .ToList();

    private static List<string> LandedIds(TempDirectory dir) =>
        LakeQuery.Rows<string>($"select opportunity_id from read_parquet('{dir.Combine("lake", "raw", "opportunities")}/*/*.parquet', hive_partitioning = true) order by 1");
}
