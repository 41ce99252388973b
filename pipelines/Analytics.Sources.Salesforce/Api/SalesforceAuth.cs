namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// The authentication settings. Secrets are never held here, only the names of the environment variables that carry
/// them: for <see cref="SalesforceAuthFlow.JwtBearer"/>, <paramref name="ConsumerKey"/> and <paramref name="Username"/>
/// come from the configuration and the PEM private key's file path from the variable named
/// <paramref name="PrivateKeyFileVariable"/>; for <see cref="SalesforceAuthFlow.ClientCredentials"/>, the key and secret
/// come from the variables named <paramref name="ConsumerKeyVariable"/> and <paramref name="ClientSecretVariable"/>.
/// </summary>
/// <param name="Flow">The OAuth flow.</param>
/// <param name="ConsumerKey">The external client app's consumer key (JWT bearer), or null.</param>
/// <param name="Username">The integration user's username (JWT bearer), or null.</param>
/// <param name="PrivateKeyFileVariable">The environment variable holding the PEM private key's file path (JWT bearer).</param>
/// <param name="ConsumerKeyVariable">The environment variable holding the consumer key (client credentials).</param>
/// <param name="ClientSecretVariable">The environment variable holding the consumer secret (client credentials).</param>
public sealed record SalesforceAuth(
    SalesforceAuthFlow Flow,
    string? ConsumerKey,
    string? Username,
    string? PrivateKeyFileVariable,
    string? ConsumerKeyVariable,
    string? ClientSecretVariable);
