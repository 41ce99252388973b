namespace Analytics.Pipelines.Extraction;

/// <summary>An extract was refused (too many bad rows); the previous snapshot stays in place. The message says why and where the evidence is.</summary>
public sealed class ExtractFailedException(string message) : Exception(message);
