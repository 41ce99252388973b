namespace Analytics.Reports.Charts;

/// <summary>The shape drawn at each point of a line series, so series differ without colour.</summary>
public enum MarkerShape
{
    /// <summary>A filled circle.</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>A filled triangle pointing up.</summary>
    Triangle,

    /// <summary>A filled diamond.</summary>
    Diamond,

    /// <summary>An x-shaped cross.</summary>
    Cross,
}
