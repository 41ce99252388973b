namespace Analytics.Sources.HubSpot.Api;

/// <summary>What went wrong talking to HubSpot, for the message and the exit code.</summary>
public enum HubSpotErrorKind
{
    /// <summary>No token in the named variable, or HubSpot refused it (401).</summary>
    Authentication,

    /// <summary>The token lacks a scope an object needs (403 MISSING_SCOPES).</summary>
    MissingScopes,

    /// <summary>The object type or resource does not exist in the portal (404).</summary>
    NotFound,

    /// <summary>The portal's daily API limit is spent (429 with the daily policy).</summary>
    DailyLimit,

    /// <summary>A passing failure (429, 477, 5xx, timeout, connection) outlasted every retry.</summary>
    Transient,

    /// <summary>A response that does not have the documented shape, or runaway paging.</summary>
    BadResponse,

    /// <summary>Anything else HubSpot refused.</summary>
    Other,
}
