using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests;

/// <summary>A commented <c>source.&lt;kind&gt;</c> block of the shipped pipeline.yaml, uncommented into a configuration of its own.</summary>
internal static class ShippedSourceBlock
{
    /// <summary>Writes <c>source: { kind: K, K: the block }</c> to pipeline.yaml in <paramref name="dir"/> and returns its path.</summary>
    public static string Write(TempDirectory dir, string kind)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var shipped = File.ReadAllLines(Path.Combine(RepositoryFolder.Root, "pipeline.yaml"));
        var start = Array.FindIndex(shipped, l => l == $"  # {kind}:");
        Assert.True(start > 0, $"pipeline.yaml has no commented '  # {kind}:' block");
        var block = shipped.Skip(start).TakeWhile(l => l.StartsWith("  #", StringComparison.Ordinal)).Select(l => l.Length > 4 ? "  " + l[4..] : string.Empty);
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllLines(config, ["source:", $"  kind: {kind}", .. block]);
        return config;
    }
}
