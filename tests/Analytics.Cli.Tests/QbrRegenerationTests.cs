using System.Text.RegularExpressions;
using Analytics.Reports.Qbr;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Cli.Tests;

/// <summary>
/// `analytics report qbr --partner` on the three-month lake's warehouse, into a reports folder of its own (the lake's
/// packs stay as `run` wrote them): the manifest keeps the packs not regenerated, and bad arguments are usage errors.
/// </summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class QbrRegenerationTests(ThreeMonthLake lake) : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Regenerating_one_partners_pack_replaces_its_manifest_entry_and_keeps_every_other()
    {
        var config = Config();
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("report", "qbr", "--config", config).Code);
        var before = Manifest();
        var partner = before.Files.First(f => f.Kind == "partner");
        File.Delete(Path.Combine(before.Folder, partner.File));

        var (code, output) = CliRun.Invoke("report", "qbr", "--partner", partner.PartnerId!, "--config", config);

        Assert.True(code == ExitCodes.Success, output);
        var after = Manifest();
        Assert.Equal(before.Files.Select(f => f.File), after.Files.Select(f => f.File));
        Assert.True(after.Complete);
        Assert.Equal(2, after.Rendered);
        Assert.True(File.Exists(Path.Combine(after.Folder, partner.File)));
        Assert.Equal(before.Files.Where(f => f.Kind == "partner" && f.PartnerId != partner.PartnerId).Select(f => f.Sha256),
            after.Files.Where(f => f.Kind == "partner" && f.PartnerId != partner.PartnerId).Select(f => f.Sha256));
        var regenerated = Assert.Single(after.Files, f => f.PartnerId == partner.PartnerId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(after.Folder, regenerated.File)))), regenerated.Sha256);
        Assert.Contains($"partner packs: 1 rendered", Collapse(output));
        Assert.Contains($"the manifest lists {before.Files.Count - 1}, one per active partner", Collapse(output));
    }

    [Fact]
    public void One_partners_pack_before_the_quarters_packs_exist_does_not_count_as_the_quarters_packs()
    {
        var config = Config();
        var partnerId = lake.RunCode == ExitCodes.Success ? FirstActivePartner() : throw new InvalidOperationException(lake.RunOutput);

        var (code, output) = CliRun.Invoke("report", "qbr", "--partner", partnerId, "--config", config);

        Assert.True(code == ExitCodes.Success, output);
        var manifest = Manifest();
        Assert.False(manifest.Complete);
        Assert.Equal([partnerId], manifest.Files.Where(f => f.Kind == "partner").Select(f => f.PartnerId));
        Assert.False(QbrPacks.Exist(_folder.Combine("reports"), "2026-Q2")); // the nightly run still produces them all
        Assert.True(Collapse(output).Contains("not yet one per active partner", StringComparison.Ordinal), output);
    }

    [Fact]
    public void An_unknown_partner_id_is_a_usage_error_naming_the_active_ids_and_writes_nothing()
    {
        var (code, output) = CliRun.Invoke("report", "qbr", "--partner", "P-NOPE", "--config", Config());

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Matches(@"partner id P-NOPE is not an active partner at snapshot 2026-09-30: the \d+ active partners' ids run from \S+ to \S+", Collapse(output));
        Assert.False(Directory.Exists(_folder.Combine("reports", "qbr")));
    }

    [Fact]
    public void A_quarter_the_warehouse_does_not_hold_is_a_usage_error_naming_the_closed_quarters()
    {
        var (code, output) = CliRun.Invoke("report", "qbr", "--quarter", "2009-Q1", "--config", Config());

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Matches(@"holds no data for 2009-Q1: the closed quarters it holds run from 20\d\d-Q\d to 2026-Q2", Collapse(output));
    }

    private string Config()
    {
        var path = _folder.Combine("pipeline.yaml");
        File.WriteAllText(path, $"""
            transform:
              models: {TestWarehouse.TransformsFolder}
            paths:
              warehouse: {lake.Warehouse}
              reports: {_folder.Combine("reports")}
            """);
        return path;
    }

    private QbrOutcome Manifest() =>
        QbrPacks.ReadManifest(QbrPacks.Folder(_folder.Combine("reports"), "2026-Q2")) ?? throw new InvalidOperationException("no manifest");

    private string FirstActivePartner() =>
        WarehouseQuery.Rows<string>(lake.Warehouse, "select partner_id from marts.partner_roster where is_active order by partner_id limit 1")[0];

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ");
}
