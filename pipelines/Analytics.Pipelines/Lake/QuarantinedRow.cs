namespace Analytics.Pipelines.Lake;

/// <summary>A source row that was not landed, and why: enough to find it and fix it at the source.</summary>
/// <param name="Entity">Canonical entity.</param>
/// <param name="File">Source file name (or the source's name for row sources without files).</param>
/// <param name="Line">Line number in the file (1-based, header is line 1).</param>
/// <param name="Field">Canonical column the problem is in, if it is in one.</param>
/// <param name="Value">The offending value, shortened to 200 characters.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record QuarantinedRow(string Entity, string File, long Line, string? Field, string? Value, string Reason)
{
    /// <summary>One line for a terminal: <c>opportunities.csv:14: arr: -5 is below the minimum 0</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {(Field is null ? string.Empty : Field + ": ")}{Reason}";
}
