namespace Analytics.Cli;

/// <summary>The documented exit codes of <c>analytics</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The run failed: a source could not be read, an extract was refused, a stage failed.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad usage or configuration: unknown option, bad value, invalid pipeline.yaml.</summary>
    public const int BadUsage = 2;
}
