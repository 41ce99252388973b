namespace Analytics.Cli.Tests.WebConsole;

/// <summary>A test that drives Debian's headless Chromium: skipped, saying why, when /usr/bin/chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's package installs the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"chromium is not installed at {Path} (apt-get install -y chromium; .ci/run installs it), so the console is not driven in a browser here";
        }
    }
}
