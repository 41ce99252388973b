namespace Analytics.Models.Scoring;

/// <summary>A model file or the evaluation ledger cannot be read; the message names the file and what to do.</summary>
public sealed class ModelFileException(string message) : Exception(message);
