namespace Analytics.Orchestration.Stages;

/// <summary>A build was asked for a date whose snapshot the lake does not hold; the message names the date and the lake folder.</summary>
public sealed class SnapshotNotLandedException(string message) : Exception(message);
