namespace Analytics.Sources.Salesforce.Api;

/// <summary>What went wrong talking to Salesforce, for the message and the exit code.</summary>
public enum SalesforceErrorKind
{
    /// <summary>The token request was refused (invalid_grant, invalid_client, a missing key), or a second 401 followed a fresh token.</summary>
    Authentication,

    /// <summary>The run stopped before using more than its share of the daily API allowance, or the org's limit was exceeded (REQUEST_LIMIT_EXCEEDED).</summary>
    QuotaReached,

    /// <summary>A selected or filtered field does not exist or is not visible to the integration user (INVALID_FIELD).</summary>
    InvalidField,

    /// <summary>The SOQL was refused (MALFORMED_QUERY).</summary>
    MalformedQuery,

    /// <summary>A Bulk 2.0 query job ended Failed or Aborted.</summary>
    BulkJobFailed,

    /// <summary>The object or resource does not exist in the org (INVALID_TYPE, NOT_FOUND).</summary>
    NotFound,

    /// <summary>A passing failure (429, 5xx, timeout, connection) outlasted every retry.</summary>
    Transient,

    /// <summary>Anything else Salesforce refused.</summary>
    Other,
}
