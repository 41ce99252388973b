namespace Analytics.Sources.Salesforce.Api;

/// <summary>How the client obtains its access token (research §1.4).</summary>
public enum SalesforceAuthFlow
{
    /// <summary>OAuth 2.0 JWT bearer: a JWT signed with the integration user's private key (RS256), no secret.</summary>
    JwtBearer,

    /// <summary>OAuth 2.0 client credentials: consumer key and secret; the app names the run-as user.</summary>
    ClientCredentials,
}
