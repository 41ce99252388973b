namespace Analytics.Pipelines.Configuration;

/// <summary><c>reports:</c>, the QBR packs.</summary>
/// <param name="LicenseKeyVariable">Name of an environment variable holding a PDFsharp commercial licence key; null
/// (the default) chooses PDFsharp's AGPL licence.</param>
/// <param name="StalledDealsListed">How many of the highest stalled-deal scores the program pack lists.</param>
public sealed record ReportsConfig(string? LicenseKeyVariable, int StalledDealsListed);
