using System.Globalization;

namespace Analytics.Pipelines.Extraction;

/// <summary>Run identifiers: sortable, readable, unique (<c>20261121T031500Z-3f9a</c>).</summary>
public static class RunId
{
    /// <summary>A new run id for a run starting at <paramref name="startedAt"/>.</summary>
    public static string New(DateTime startedAt) =>
        startedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4];
}
