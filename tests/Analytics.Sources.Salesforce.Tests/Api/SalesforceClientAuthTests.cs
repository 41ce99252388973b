using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Sources.Salesforce.Api;
using Analytics.TestSupport.Files;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class SalesforceClientAuthTests
{
    [Fact]
    public async Task A_JWT_signed_with_the_private_key_is_verified_by_the_server_and_signs_in()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();

        await client.AuthenticateAsync(default);
        var count = await client.CountAsync("Opportunity", null, false, default);

        Assert.Equal(6, count);
        Assert.Equal(1, org.Server.TokensIssued);
        Assert.Equal(200, org.Server.Requests.First(r => r.Path == "/services/oauth2/token").Status);
    }

    [Fact]
    public async Task The_JWT_carries_issuer_subject_audience_and_an_expiry_three_minutes_ahead()
    {
        await using var org = await ContractOrg.StartAsync();
        var captured = new CapturingHandler();
        using var client = new SalesforceClient(
            new SalesforceConnection(org.Server.BaseUrl, "66.0", new SalesforceAuth(SalesforceAuthFlow.JwtBearer, org.Server.ConsumerKey, org.Server.Username, "KEY", null, null)),
            org.Clock,
            handler: captured,
            environment: name => name == "KEY" ? org.Server.PrivateKeyPemPath : null);

        await client.AuthenticateAsync(default);

        var parts = captured.Assertion!.Split('.');
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(org.Server.ConsumerKey, claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(org.Server.Username, claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal(org.Server.BaseUrl.ToString().TrimEnd('/'), claims.RootElement.GetProperty("aud").GetString());
        Assert.Equal(ContractOrg.Now.AddMinutes(3).ToUnixTimeSeconds(), claims.RootElement.GetProperty("exp").GetInt64());
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(org.Server.PrivateKeyPemPath));
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task A_JWT_signed_with_another_key_is_refused_with_invalid_grant_in_one_line()
    {
        await using var org = await ContractOrg.StartAsync();
        using var folder = new TempDirectory();
        using var other = RSA.Create(2048);
        var otherKey = Path.Combine(folder.Path, "other.pem");
        await File.WriteAllTextAsync(otherKey, other.ExportPkcs8PrivateKeyPem());
        using var client = org.Client(keyPath: otherKey);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => client.CountAsync("Opportunity", null, false, default));

        Assert.Equal(SalesforceErrorKind.Authentication, error.Kind);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        Assert.Contains("certificate matches the private key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, org.Count("/services/data/"));
    }

    [Fact]
    public async Task Client_credentials_sign_in_and_a_wrong_secret_is_refused()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client(SalesforceAuthFlow.ClientCredentials);
        using var wrong = org.Client(SalesforceAuthFlow.ClientCredentials, secret: "not-the-secret-at-all");

        Assert.Equal(6, await client.CountAsync("Opportunity", null, false, default));
        var error = await Assert.ThrowsAsync<SalesforceException>(() => wrong.AuthenticateAsync(default));

        Assert.Equal(SalesforceErrorKind.Authentication, error.Kind);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-at-all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_variable_says_which_variable_to_set()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = new SalesforceClient(
            new SalesforceConnection(org.Server.BaseUrl, "66.0", new SalesforceAuth(SalesforceAuthFlow.JwtBearer, "key", "user", "SF_UNSET_KEY_FILE", null, null)),
            org.Clock,
            environment: _ => null);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => client.AuthenticateAsync(default));

        Assert.Equal("the environment variable SF_UNSET_KEY_FILE (the Salesforce private key file path) is not set.", error.Message);
    }

    [Fact]
    public async Task Token_expiry_mid_run_signs_in_once_more_and_repeats_the_request()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { QueryBatchSize = 2 });
        using var client = org.Client();
        var rows = new List<string?[]>();

        await foreach (var row in client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default))
        {
            rows.Add(row);
            if (rows.Count == 2)
            {
                org.Server.Faults.ExpireSessions();
            }
        }

        Assert.Equal(6, rows.Count);
        Assert.Equal(2, org.Server.TokensIssued);
        Assert.Equal(1, org.Server.Requests.Count(r => r.Status == 401));
        Assert.Contains(org.Progress, p => p.Contains("signing in again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_401_right_after_a_fresh_sign_in_fails_with_one_clear_line()
    {
        await using var org = await ContractOrg.StartAsync();
        using var client = org.Client();
        org.Server.Faults.Next("/query", ContractFault.InvalidSession(), times: 2);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default)));

        Assert.Equal(SalesforceErrorKind.Authentication, error.Kind);
        Assert.Contains("again right after a fresh sign-in", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, org.Server.TokensIssued);
        Assert.Equal(2, org.Count("/query"));
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    /// <summary>Answers the token request itself, keeping the assertion it was sent.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Assertion { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            Assertion = form.Split('&').Select(Uri.UnescapeDataString).Single(p => p.StartsWith("assertion=", StringComparison.Ordinal))["assertion=".Length..];
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"access_token":"00Dx!token","instance_url":"http://127.0.0.1:1","token_type":"Bearer"}"""),
            };
        }
    }
}
