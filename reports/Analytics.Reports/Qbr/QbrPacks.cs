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

    /// <summary>Whether <paramref name="quarter"/>'s packs were all produced (their manifest exists and says complete).</summary>
    public static bool Exist(string reportsRoot, string quarter) => ReadManifest(Folder(reportsRoot, quarter)) is { Complete: true };

    /// <summary>A partner pack's file name: the partner id (stable) and a readable slug of its name.</summary>
    public static string PartnerFileName(PartnerInfo partner) =>
        $"{partner.PartnerId}-{Slug(partner.Name)}.pdf";

    /// <summary>
    /// Renders and saves the program pack of <paramref name="quarter"/> and every active partner's pack, or only
    /// <paramref name="onlyPartnerIds"/>' (their manifest entries replaced, the others kept); progress reports packs done
    /// of total.
    /// </summary>
    /// <exception cref="ReportRequestException">An id of <paramref name="onlyPartnerIds"/> is not an active partner's.</exception>
    public static QbrOutcome Produce(ReportWarehouse warehouse, string reportsRoot, string quarter, int stalledDealsListed,
        IProgress<(int Done, int Total)>? progress = null, IReadOnlySet<string>? onlyPartnerIds = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var clock = Stopwatch.StartNew();
        var folder = Folder(reportsRoot, quarter);
        var roster = PartnerFacts.ActivePartners(warehouse).Select(p => p.PartnerId).ToList(); // by name, as the packs are
        var active = roster.ToHashSet(StringComparer.Ordinal);
        if (onlyPartnerIds?.Where(id => !active.Contains(id)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            var ids = active.Order(StringComparer.Ordinal).ToList();
            throw new ReportRequestException($"{(unknown.Count == 1 ? "partner id" : "partner ids")} {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an active partner" : "are not active partners")} "
                + $"at snapshot {warehouse.Snapshot.SnapshotDate:yyyy-MM-dd}: the {ids.Count} active partners' ids run from {ids.FirstOrDefault() ?? "-"} to {ids.LastOrDefault() ?? "-"} "
                + "(list them: analytics sql \"select partner_id, name from marts.partner_roster where is_active order by partner_id\").");
        }

        var program = ProgramQbrReader.Read(warehouse, quarter, stalledDealsListed);
        var partners = PartnerQbrReader.ReadAll(warehouse, quarter, onlyPartnerIds);
        var readMs = clock.ElapsedMilliseconds;
        var total = partners.Count + 1;
        var files = new List<QbrFile>();
        var programPath = Path.Combine(folder, $"program-qbr-{quarter}.pdf");
        using (var document = ProgramQbrPack.Render(program, ProgramQbrPack.ReadDefinitions(warehouse)))
        {
            document.Save(programPath);
            files.Add(new QbrFile("program", null, Path.GetFileName(programPath), document.PageCount, Sha256(programPath), warehouse.Snapshot.RunId));
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
            partnerFiles[i] = new QbrFile("partner", data.Partner.PartnerId, Path.Combine("partners", Path.GetFileName(path)), document.PageCount, Sha256(path), warehouse.Snapshot.RunId);
            progress?.Report((Interlocked.Increment(ref done), total));
        });
        files.AddRange(partnerFiles);
        if (onlyPartnerIds is not null && ReadManifest(folder) is { } earlier)
        {
            // The packs not regenerated keep their entries, while their files are still there.
            files.AddRange(earlier.Files.Where(f => f.Kind == "partner" && f.PartnerId is not null && !onlyPartnerIds.Contains(f.PartnerId)
                && File.Exists(Path.Combine(folder, f.File))));
            files = [files[0], .. files.Skip(1).OrderBy(f => roster.IndexOf(f.PartnerId!) is var i and >= 0 ? i : int.MaxValue).ThenBy(f => f.File, StringComparer.Ordinal)];
        }

        var complete = active.IsSubsetOf(files.Where(f => f.PartnerId is not null).Select(f => f.PartnerId!));
        var outcome = new QbrOutcome(quarter, warehouse.Snapshot.SnapshotDate, warehouse.Snapshot.RunId, folder, files, readMs, clock.ElapsedMilliseconds,
            total, complete);
        var manifest = Path.Combine(folder, ManifestFile);
        File.WriteAllText(manifest + ".tmp", JsonSerializer.Serialize(outcome, ManifestJson));
        File.Move(manifest + ".tmp", manifest, overwrite: true);
        return outcome;
    }

    /// <summary>The manifest in <paramref name="folder"/>, or null when there is none (or it cannot be read, which a
    /// full production then replaces).</summary>
    public static QbrOutcome? ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<QbrOutcome>(File.ReadAllText(path), ManifestJson);
        }
        catch (JsonException)
        {
            return null;
        }
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
