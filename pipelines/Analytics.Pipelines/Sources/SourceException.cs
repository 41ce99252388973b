namespace Analytics.Pipelines.Sources;

/// <summary>A source cannot be read at all (as opposed to single bad rows, which are quarantined). The message names the file.</summary>
public sealed class SourceException(string message) : Exception(message);
