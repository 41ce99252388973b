namespace Analytics.Pipelines.Configuration;

/// <summary>
/// pipeline.yaml is missing, malformed, or holds an unknown key or a bad value. The message names the file, the line
/// and the key; the CLI turns it into exit code 2.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
