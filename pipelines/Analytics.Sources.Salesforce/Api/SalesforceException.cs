namespace Analytics.Sources.Salesforce.Api;

/// <summary>
/// A Salesforce call failed. The message is one line naming the object and field when known and what to fix; it never
/// holds a secret (private key, client secret, access token). The CLI exits 1 with it.
/// </summary>
public sealed class SalesforceException : Exception
{
    /// <summary>A failure of <paramref name="kind"/> described by <paramref name="message"/>.</summary>
    public SalesforceException(SalesforceErrorKind kind, string message, string? sObject = null, string? field = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        SObject = sObject;
        Field = field;
    }

    /// <summary>What went wrong.</summary>
    public SalesforceErrorKind Kind { get; }

    /// <summary>The sObject concerned, when known.</summary>
    public string? SObject { get; }

    /// <summary>The field concerned, when known.</summary>
    public string? Field { get; }
}
