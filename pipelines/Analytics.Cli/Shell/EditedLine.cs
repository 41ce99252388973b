namespace Analytics.Cli.Shell;

/// <summary>How <see cref="LineEditor.ReadLine"/> ended: a line entered, a line cleared with Ctrl+C, or the end of input.</summary>
internal readonly record struct EditedLine(EditedLineKind Kind, string Text)
{
    /// <summary>Ctrl+D on an empty line.</summary>
    public static EditedLine EndOfInput { get; } = new(EditedLineKind.EndOfInput, string.Empty);

    /// <summary>Ctrl+C: the line was thrown away.</summary>
    public static EditedLine Cleared { get; } = new(EditedLineKind.Cleared, string.Empty);

    /// <summary>A line entered with Enter.</summary>
    public static EditedLine Entered(string text) => new(EditedLineKind.Entered, text);
}
