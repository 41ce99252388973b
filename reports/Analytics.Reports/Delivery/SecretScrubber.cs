using System.Text;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Removes secrets from text that may reach a log, an exception or the ledger: the password itself and the base64
/// forms SMTP AUTH sends it in (LOGIN: the password alone; PLAIN: NUL user NUL password), which a server may echo.
/// </summary>
internal sealed class SecretScrubber
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretScrubber(string? username, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            _secrets = [];
            return;
        }

        var user = username ?? string.Empty;
        _secrets = new[]
            {
                password,
                Base64(password),
                Base64("\0" + user + "\0" + password),
                Base64(user + "\0" + user + "\0" + password),
            }
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length) // longest first, so a secret inside another is masked whole
            .ToArray();
    }

    /// <summary>The text with every secret replaced by <c>***</c>, on one line.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text.ReplaceLineEndings(" ").Trim();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
