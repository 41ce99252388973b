namespace Analytics.Reports.Charts;

/// <summary>How a table column's text is aligned (numbers right, so digits line up).</summary>
public enum ColumnAlign
{
    /// <summary>Left-aligned (text).</summary>
    Left,

    /// <summary>Centred (short codes, flags).</summary>
    Center,

    /// <summary>Right-aligned (numbers).</summary>
    Right,
}
