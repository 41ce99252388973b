namespace Analytics.Reports.Qbr;

/// <summary>One PDF of a quarter's packs.</summary>
/// <param name="Kind">program or partner.</param>
/// <param name="PartnerId">The partner of a partner pack.</param>
/// <param name="File">Path relative to the quarter's folder.</param>
/// <param name="Pages">Page count.</param>
/// <param name="Sha256">Hash of the file.</param>
/// <param name="RunId">The transform run whose warehouse the pack was rendered from (packs regenerated alone can be
/// from a later run than the others).</param>
public sealed record QbrFile(string Kind, string? PartnerId, string File, int Pages, string Sha256, string RunId);
