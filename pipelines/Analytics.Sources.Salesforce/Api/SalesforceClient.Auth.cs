using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Analytics.Sources.Salesforce.Api;

public sealed partial class SalesforceClient
{
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly SemaphoreSlim _authGate = new(1, 1);
    private string? _accessToken;
    private Uri? _instanceUrl;

    /// <summary>Obtains an access token (every call also does this lazily); the token is kept until Salesforce refuses it.</summary>
    public Task AuthenticateAsync(CancellationToken ct) => SessionAsync(ct);

    /// <summary>The current access token and instance URL, signing in first when there is none; read together under the gate.</summary>
    private async Task<(string Token, Uri Instance)> SessionAsync(CancellationToken ct)
    {
        await _authGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_accessToken is null)
            {
                await RequestTokenAsync(ct).ConfigureAwait(false);
            }

            return (_accessToken!, _instanceUrl!);
        }
        finally
        {
            _authGate.Release();
        }
    }

    private async Task ForgetTokenAsync(string token)
    {
        await _authGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_accessToken == token)
            {
                _accessToken = null;
            }
        }
        finally
        {
            _authGate.Release();
        }
    }

    private async Task RequestTokenAsync(CancellationToken ct)
    {
        var form = TokenForm();
        var tokenUrl = new Uri(_connection.LoginUrl, "/services/oauth2/token");
        using var response = await SendWithRetryAsync(
            () => new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) },
            "the token request",
            checkQuota: false,
            ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw SignInRefused(body, (int)response.StatusCode);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = root.GetProperty("access_token").GetString();
            var instance = root.TryGetProperty("instance_url", out var i) ? i.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new JsonException("no access_token");
            }

            AddSecret(token);
            _accessToken = token;
            _instanceUrl = string.IsNullOrEmpty(instance) ? _connection.LoginUrl : new Uri(instance.TrimEnd('/') + "/");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, $"Salesforce's token response at {_connection.LoginUrl.Host} could not be read (no access_token or instance_url); check source.salesforce.login_url.");
        }
    }

    private List<KeyValuePair<string, string>> TokenForm()
    {
        var auth = _connection.Auth;
        if (auth.Flow == SalesforceAuthFlow.ClientCredentials)
        {
            var key = Variable(auth.ConsumerKeyVariable, "consumer key", "consumer_key_variable");
            var secret = Variable(auth.ClientSecretVariable, "client secret", "client_secret_variable");
            AddSecret(secret);
            return [new("grant_type", "client_credentials"), new("client_id", key), new("client_secret", secret)];
        }

        if (string.IsNullOrWhiteSpace(auth.ConsumerKey) || string.IsNullOrWhiteSpace(auth.Username))
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, "jwt_bearer needs consumer_key and username in source.salesforce.auth.");
        }

        var path = Variable(auth.PrivateKeyFileVariable, "private key file path", "private_key_file_variable");
        var assertion = SignedJwt(auth.ConsumerKey, auth.Username, path, auth.PrivateKeyFileVariable!);
        AddSecret(assertion);
        return [new("grant_type", JwtBearerGrant), new("assertion", assertion)];
    }

    /// <summary>A JWT (RS256) with iss = consumer key, sub = username, aud = the login URL, exp = now + 3 minutes.</summary>
    private string SignedJwt(string consumerKey, string username, string keyPath, string variable)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, $"the private key file named by {variable} could not be read ({e.GetType().Name}); check the path and its permissions.");
        }

        AddSecret(pem);
        foreach (var line in pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            AddSecret(line);
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, $"the file named by {variable} holds no PEM RSA private key; export the certificate's private key as PEM (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).");
        }
        catch (CryptographicException)
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, $"the file named by {variable} holds no usable RSA private key (encrypted keys are not supported); export it unencrypted as PEM.");
        }

        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = consumerKey,
            ["sub"] = username,
            ["aud"] = _connection.LoginUrl.ToString().TrimEnd('/'),
            ["exp"] = _clock.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds(),
        }));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private string Variable(string? name, string what, string setting)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new SalesforceException(SalesforceErrorKind.Authentication, $"source.salesforce.auth.{setting} must name the environment variable holding the {what}.");
        }

        var value = _environment(name);
        return string.IsNullOrEmpty(value)
            ? throw new SalesforceException(SalesforceErrorKind.Authentication, $"the environment variable {name} (the Salesforce {what}) is not set.")
            : value;
    }

    private SalesforceException SignInRefused(string body, int status)
    {
        string? error = null;
        string? description = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
        }

        var fix = _connection.Auth.Flow == SalesforceAuthFlow.JwtBearer
            ? "check source.salesforce.auth (consumer_key, username), that the app is pre-authorised for the user (permission set) and that the app's certificate matches the private key, and that login_url is the JWT audience"
            : "check the consumer key and secret in the variables named by source.salesforce.auth, that the app enables the client credentials flow with a run-as user, and that login_url is the org's My Domain";
        return new SalesforceException(
            SalesforceErrorKind.Authentication,
            Redact($"Salesforce refused the sign-in at {_connection.LoginUrl.Host} (HTTP {status}, {error ?? "no error code"}: {description ?? "no description"}); {fix}."));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
