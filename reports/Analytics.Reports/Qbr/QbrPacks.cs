using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Analytics.Reports.Data;
using Analytics.Reports.Pdf;

namespace Analytics.Reports.Qbr;

/// <summary>
/// Produces a quarter's QBR packs: the program pack and one pack per active partner, under
/// <c>&lt;reports&gt;/qbr/&lt;quarter&gt;/</c>, with a manifest naming the snapshot, run, files, pages and hashes.
/// Running it again for the same warehouse rewrites the same files.
/// </summary>
public static class QbrPacks
{
    /// <summary>The manifest's file name; its presence means the quarter's packs are complete.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The folder of <paramref name="quarter"/>'s packs.</summary>
    public static string Folder(string reportsRoot, string quarter) => Path.Combine(reportsRoot, "qbr", quarter);

    /// <summary>Whether <paramref name="quarter"/>'s packs were all produced (their manifest exists).</summary>
    public static bool Exist(string reportsRoot, string quarter) => File.Exists(Path.Combine(Folder(reportsRoot, quarter), ManifestFile));

    /// <summary>A partner pack's file name: the partner id (stable) and a readable slug of its name.</summary>
    public static string PartnerFileName(PartnerInfo partner) =>
        $"{partner.PartnerId}-{Slug(partner.Name)}.pdf";

    /// <summary>Renders and saves every pack of <paramref name="quarter"/>; progress reports packs done of total.</summary>
    public static QbrOutcome Produce(ReportWarehouse warehouse, string reportsRoot, string quarter, int stalledDealsListed,
        IProgress<(int Done, int Total)>? progress = null, IReadOnlySet<string>? onlyPartnerIds = null)
    {
        var clock = Stopwatch.StartNew();
        var folder = Folder(reportsRoot, quarter);
        var program = ProgramQbrReader.Read(warehouse, quarter, stalledDealsListed);
        var partners = PartnerQbrReader.ReadAll(warehouse, quarter, onlyPartnerIds);
        var readMs = clock.ElapsedMilliseconds;
        var total = partners.Count + 1;
        var files = new List<QbrFile>();
        var programPath = Path.Combine(folder, $"program-qbr-{quarter}.pdf");
        using (var document = ProgramQbrPack.Render(program, ProgramQbrPack.ReadDefinitions(warehouse)))
        {
            document.Save(programPath);
            files.Add(new QbrFile("program", null, Path.GetFileName(programPath), document.PageCount, Sha256(programPath)));
        }

        var done = 1;
        progress?.Report((done, total));
        var partnerFiles = new QbrFile[partners.Count];
        Parallel.For(0, partners.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var data = partners[i];
            var path = Path.Combine(folder, "partners", PartnerFileName(data.Partner));
            using var document = PartnerQbrPack.Render(data);
            document.Save(path);
            partnerFiles[i] = new QbrFile("partner", data.Partner.PartnerId, Path.Combine("partners", Path.GetFileName(path)), document.PageCount, Sha256(path));
            progress?.Report((Interlocked.Increment(ref done), total));
        });
        files.AddRange(partnerFiles);

        var outcome = new QbrOutcome(quarter, warehouse.Snapshot.SnapshotDate, warehouse.Snapshot.RunId, folder, files, readMs, clock.ElapsedMilliseconds);
        var manifest = Path.Combine(folder, ManifestFile);
        File.WriteAllText(manifest + ".tmp", JsonSerializer.Serialize(outcome, ManifestJson));
        File.Move(manifest + ".tmp", manifest, overwrite: true);
        return outcome;
    }

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }
}
