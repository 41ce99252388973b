namespace Analytics.Cli.Shell;

/// <summary>The ways a line edit ends.</summary>
internal enum EditedLineKind
{
    /// <summary>Enter.</summary>
    Entered,

    /// <summary>Ctrl+C.</summary>
    Cleared,

    /// <summary>Ctrl+D on an empty line.</summary>
    EndOfInput,
}
