namespace Analytics.Models.Scoring;

/// <summary>The model stage cannot start (no warehouse yet, another build holds it); the message says what to do.</summary>
public sealed class ModelStageException(string message) : Exception(message);
