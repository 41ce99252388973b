namespace Analytics.Models.Scoring;

/// <summary>A model cannot be trained from the data at hand; the message says why and what to do.</summary>
public sealed class ModelTrainingException(string message) : Exception(message);
