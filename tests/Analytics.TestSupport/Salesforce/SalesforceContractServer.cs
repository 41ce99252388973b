namespace Analytics.TestSupport.Salesforce;

/// <summary>
/// A Salesforce contract server on a loopback port (ASP.NET Core minimal API) over a <see cref="SalesforceOrg"/>: OAuth
/// token endpoint (JWT bearer verified with the public key, client credentials), REST query/queryAll with pages,
/// describe, deleted, limits, Bulk 2.0 query jobs with CSV result pages, <c>Sforce-Limit-Info</c> on every response,
/// scripted <see cref="Faults"/> and a request log. <see cref="BaseUrl"/> is both the login and the instance URL.
/// </summary>
public sealed partial class SalesforceContractServer : IAsyncDisposable
{
    private SalesforceContractServer(SalesforceOrg org, ContractServerOptions options)
    {
        Org = org;
        Options = options;
        BaseUrl = new Uri("http://127.0.0.1/");
        PrivateKeyPemPath = string.Empty;
    }

    /// <summary>Starts a server over <paramref name="org"/>.</summary>
    public static Task<SalesforceContractServer> StartAsync(SalesforceOrg org, ContractServerOptions? options = null) =>
        throw new NotImplementedException();

    public SalesforceOrg Org { get; }

    public ContractServerOptions Options { get; }

    /// <summary>The login and instance URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>A PEM file with the RSA private key the JWT must be signed with (deleted on dispose).</summary>
    public string PrivateKeyPemPath { get; private set; }

    public string ConsumerKey => Options.ConsumerKey;

    public string Username => Options.Username;

    public string ClientId => Options.ClientId;

    public string ClientSecret => Options.ClientSecret;

    public ContractServerFaults Faults { get; } = new();

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => [];

    /// <summary>API calls used in the org's rolling day (the U of api-usage=U/M); tests may set it.</summary>
    public long ApiUsed { get; set; }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
