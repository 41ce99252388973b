using Analytics.TestSupport.Files;

namespace Analytics.TestSupport.Postgres.InHouseCrm;

/// <summary>
/// docs/examples/postgres-in-house-crm.yaml, the documented <c>source:</c> section mapping the in-house CRM schema: the
/// tests and the benchmark read it as committed, so the example stays a working configuration.
/// </summary>
public static class InHouseCrmExample
{
    /// <summary>The variable name the example uses.</summary>
    public const string Variable = "CRM_REPLICA_CONNECTION";

    /// <summary>The example file's path.</summary>
    public static string Path { get; } = RepositoryFolder.Combine("docs", "examples", "postgres-in-house-crm.yaml");

    /// <summary>The example's text with the connection string read from <paramref name="variable"/> instead.</summary>
    public static string SourceYaml(string variable = Variable) =>
        File.ReadAllText(Path).Replace($"connection_string_variable: {Variable}", $"connection_string_variable: {variable}", StringComparison.Ordinal);
}
