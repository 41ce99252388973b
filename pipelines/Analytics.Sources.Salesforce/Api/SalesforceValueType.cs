namespace Analytics.Sources.Salesforce.Api;

/// <summary>How a selected value is turned into its canonical text.</summary>
public enum SalesforceValueType
{
    /// <summary>Text as Salesforce sends it (strings, ids, picklists).</summary>
    Text,

    /// <summary>A timestamp, as "yyyy-MM-ddTHH:mm:ss.fffZ" in UTC.</summary>
    DateTime,

    /// <summary>A date, as "yyyy-MM-dd".</summary>
    Date,

    /// <summary>A number, in invariant culture ("1234.5").</summary>
    Number,

    /// <summary>A checkbox, as "true" or "false".</summary>
    Boolean,
}
