namespace Analytics.Reports.Charts;

/// <summary>A table column: its header, its share of the table's width (relative to the other weights) and its alignment.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Weight">The column's relative width (positive).</param>
/// <param name="Align">Text alignment in the column.</param>
public sealed record TableColumn(string Header, double Weight, ColumnAlign Align = ColumnAlign.Left);
