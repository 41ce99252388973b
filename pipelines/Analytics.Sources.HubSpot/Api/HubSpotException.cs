namespace Analytics.Sources.HubSpot.Api;

/// <summary>
/// A HubSpot call failed. The message is one line naming the object type when known and what to fix; it never holds the
/// token. The CLI exits 1 with it.
/// </summary>
public sealed class HubSpotException : Exception
{
    /// <summary>A failure of <paramref name="kind"/> described by <paramref name="message"/>.</summary>
    public HubSpotException(HubSpotErrorKind kind, string message, string? objectType = null, IReadOnlyList<string>? missingScopes = null)
        : base(message)
    {
        Kind = kind;
        ObjectType = objectType;
        MissingScopes = missingScopes ?? [];
    }

    /// <summary>What went wrong.</summary>
    public HubSpotErrorKind Kind { get; }

    /// <summary>The object type concerned (deals, companies, p_certifications), when known.</summary>
    public string? ObjectType { get; }

    /// <summary>The scopes HubSpot said are missing (403 MISSING_SCOPES), else empty.</summary>
    public IReadOnlyList<string> MissingScopes { get; }
}
