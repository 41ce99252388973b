namespace Analytics.Cli.Shell;

/// <summary>A dot-command that cannot do what was asked (an unknown table, a bad argument); the message says why.</summary>
internal sealed class DotCommandException(string message) : Exception(message);
