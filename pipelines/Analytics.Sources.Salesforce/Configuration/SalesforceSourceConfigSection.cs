using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Resilience;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Mapping;

namespace Analytics.Sources.Salesforce.Configuration;

/// <summary>
/// Reads <c>source.salesforce:</c>. Secrets never appear in the file: only the names of the environment variables that
/// carry them. Errors name the file, line and key and say what is allowed.
/// </summary>
public sealed class SalesforceSourceConfigSection : IConfigSection<SalesforceSourceConfig>
{
    /// <summary>The default login URL (production).</summary>
    public const string DefaultLoginUrl = "https://login.salesforce.com";

    /// <summary>The default pinned API version.</summary>
    public const string DefaultApiVersion = "66.0";

    private SalesforceSourceConfigSection()
    {
    }

    /// <summary>The one instance the composition root registers.</summary>
    public static SalesforceSourceConfigSection Instance { get; } = new();

    /// <inheritdoc />
    public string Path => "source.salesforce";

    /// <inheritdoc />
    public SalesforceSourceConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var baseFolder = System.IO.Path.GetDirectoryName(section.File) is { Length: > 0 } folder ? folder : Environment.CurrentDirectory;
        var loginText = section.String("login_url", DefaultLoginUrl);
        if (!Uri.TryCreate(loginText, UriKind.Absolute, out var login) || (login.Scheme != Uri.UriSchemeHttps && !login.IsLoopback))
        {
            throw section.Error("login_url", $"must be an https URL (https://login.salesforce.com, https://test.salesforce.com or your My Domain), not '{loginText}'");
        }

        var version = section.String("api_version", DefaultApiVersion);
        if (!System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d{2,3}\.0$"))
        {
            throw section.Error("api_version", $"must be a pinned API version such as {DefaultApiVersion}, not '{version}'");
        }

        // Without a source.salesforce section (another source kind) nothing is required; with one, the auth must be complete.
        var declared = section.Keys.Any();
        var defaults = new SalesforceConnection(login, version, ReadAuth(section.Section("auth"), declared));
        var retry = RetryConfig.Read(section.Section("retry"), new RetryConfig(
            defaults.Retry.MaxAttempts, defaults.Retry.InitialDelay.TotalSeconds, defaults.Retry.MaxDelay.TotalSeconds));
        var connection = defaults with
        {
            MaxApiShare = section.Double("max_api_share", defaults.MaxApiShare, 0.01, 1),
            RequestTimeout = TimeSpan.FromSeconds(section.Int("request_timeout_seconds", (int)defaults.RequestTimeout.TotalSeconds, 1, 3600)),
            Retry = RetryPolicy.From(retry),
        };
        var threshold = section.Int("bulk_threshold", (int)SalesforceSourceConfig.DefaultBulkThreshold, 0, int.MaxValue);
        var lookback = TimeSpan.FromMinutes(section.Int("lookback_minutes", (int)SalesforceSourceConfig.DefaultLookback.TotalMinutes, 0, 24 * 60));
        var state = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, section.String("state_folder", SalesforceSourceConfig.DefaultStateFolder)));
        var mapping = SalesforceMapping.Default.With(SalesforceMappingReader.ReadEntities(section.Section("mapping")));
        section.RejectUnknownKeys();
        return new SalesforceSourceConfig(connection, state, threshold, lookback, mapping);
    }

    private static SalesforceAuth ReadAuth(YamlSection auth, bool declared)
    {
        var flowText = auth.String("flow", "jwt_bearer");
        var flow = flowText switch
        {
            "jwt_bearer" => SalesforceAuthFlow.JwtBearer,
            "client_credentials" => SalesforceAuthFlow.ClientCredentials,
            _ => throw auth.Error("flow", $"must be jwt_bearer or client_credentials, not '{flowText}'"),
        };
        var result = new SalesforceAuth(
            flow,
            auth.OptionalString("consumer_key"),
            auth.OptionalString("username"),
            auth.EnvironmentVariableName("private_key_file_variable"),
            auth.EnvironmentVariableName("consumer_key_variable"),
            auth.EnvironmentVariableName("client_secret_variable"));
        auth.RejectUnknownKeys();
        if (!declared)
        {
            return result;
        }

        if (flow == SalesforceAuthFlow.JwtBearer)
        {
            Require(auth, "consumer_key", result.ConsumerKey, "the external client app's consumer key (not a secret)");
            Require(auth, "username", result.Username, "the integration user's username");
            Require(auth, "private_key_file_variable", result.PrivateKeyFileVariable, "the name of the environment variable holding the private key file's path");
        }
        else
        {
            Require(auth, "consumer_key_variable", result.ConsumerKeyVariable, "the name of the environment variable holding the consumer key");
            Require(auth, "client_secret_variable", result.ClientSecretVariable, "the name of the environment variable holding the consumer secret");
        }

        return result;
    }

    private static void Require(YamlSection auth, string key, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw auth.Error(key, $"is required for flow {(auth.OptionalString("flow") ?? "jwt_bearer")}: {what}");
        }
    }
}
