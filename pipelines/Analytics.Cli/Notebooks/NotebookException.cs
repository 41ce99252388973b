namespace Analytics.Cli.Notebooks;

/// <summary>A notebook could not be read or one of its cells failed; the message names the file and the cell.</summary>
internal sealed class NotebookException(string message) : Exception(message);
