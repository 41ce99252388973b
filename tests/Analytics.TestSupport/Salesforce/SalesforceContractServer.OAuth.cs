using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Analytics.TestSupport.Salesforce;

public sealed partial class SalesforceContractServer
{
    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    // Access token → the session generation it was issued in; Faults.ExpireSessions moves the generation on.
    private readonly ConcurrentDictionary<string, long> _tokens = new(StringComparer.Ordinal);

    /// <summary>How many tokens the token endpoint has issued.</summary>
    public int TokensIssued => _tokens.Count;

    private bool IsAuthorised(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && _tokens.TryGetValue(header["Bearer ".Length..], out var generation)
            && generation >= Faults.SessionsExpiredAt;
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (context.Request.Method != "POST" || !context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, "unsupported_grant_type", "grant type not supported");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        string? refusal = grant switch
        {
            JwtBearerGrant => CheckAssertion(form["assertion"].ToString()),
            "client_credentials" => form["client_id"] == Options.ClientId && form["client_secret"] == Options.ClientSecret
                ? null
                : "invalid_client:invalid client credentials",
            _ => "unsupported_grant_type:grant type not supported",
        };
        if (refusal is not null)
        {
            var colon = refusal.IndexOf(':', StringComparison.Ordinal);
            await OAuthErrorAsync(context, refusal[..colon], refusal[(colon + 1)..]);
            return;
        }

        var token = $"00D000000000001!AQ{Convert.ToHexString(RandomNumberGenerator.GetBytes(24))}";
        _tokens[token] = Faults.SessionsExpiredAt;
        var instance = BaseUrl.ToString().TrimEnd('/');
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["scope"] = "api",
            ["instance_url"] = instance,
            ["id"] = $"{instance}/id/00D000000000001/005000000000001",
            ["token_type"] = "Bearer",
            ["issued_at"] = Org.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await WriteJsonAsync(context, 200, json);
    }

    /// <summary>Null when the JWT is signed by the server's key and its claims are right; else "invalid_grant:why".</summary>
    private string? CheckAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "invalid_grant:invalid assertion";
        }

        try
        {
            var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            if (header.GetProperty("alg").GetString() != "RS256")
            {
                return "invalid_grant:invalid assertion: alg must be RS256";
            }

            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!_key.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "invalid_grant:invalid assertion: the signature does not match the certificate";
            }

            var claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
            if (claims.GetProperty("iss").GetString() != Options.ConsumerKey)
            {
                return "invalid_grant:invalid client credentials";
            }

            if (claims.GetProperty("sub").GetString() != Options.Username)
            {
                return "invalid_grant:user hasn't approved this consumer";
            }

            if (claims.GetProperty("aud").GetString()?.TrimEnd('/') != BaseUrl.ToString().TrimEnd('/'))
            {
                return "invalid_grant:audience is invalid";
            }

            var exp = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
            var now = Org.Clock.GetUtcNow();
            if (exp < now - TimeSpan.FromMinutes(3) || exp > now + TimeSpan.FromMinutes(30))
            {
                return "invalid_grant:expired authorization code";
            }

            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "invalid_grant:invalid assertion";
        }
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description) =>
        WriteJsonAsync(context, 400, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }));

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
