namespace Analytics.Orchestration;

/// <summary>Marks the orchestration assembly (used to find its embedded resources).</summary>
internal static class AssemblyMarker;
