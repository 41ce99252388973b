namespace Analytics.Reports.Qbr;

/// <summary>What <see cref="QbrPacks.Produce"/> wrote; also the quarter's manifest.json.</summary>
/// <param name="Quarter">The quarter reviewed.</param>
/// <param name="SnapshotDate">The warehouse snapshot.</param>
/// <param name="RunId">The transform run.</param>
/// <param name="Folder">Where the packs are.</param>
/// <param name="Files">The program pack first, then one per partner.</param>
/// <param name="ReadMs">Time spent reading the warehouse.</param>
/// <param name="ElapsedMs">Time in all.</param>
/// <param name="Rendered">How many packs this call rendered (the others in <paramref name="Files"/> were kept from an earlier call).</param>
/// <param name="Complete">Whether <paramref name="Files"/> holds a pack for every active partner; a run that regenerates
/// only some packs before the quarter's packs were all produced leaves it false.</param>
public sealed record QbrOutcome(string Quarter, DateOnly SnapshotDate, string RunId, string Folder, IReadOnlyList<QbrFile> Files, long ReadMs, long ElapsedMs,
    int Rendered, bool Complete)
{
    /// <summary>Pages across every pack.</summary>
    public int Pages => Files.Sum(f => f.Pages);
}
