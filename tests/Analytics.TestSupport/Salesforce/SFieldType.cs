namespace Analytics.TestSupport.Salesforce;

/// <summary>The field types the contract server's org knows; <c>describe</c> reports them in lower case.</summary>
public enum SFieldType
{
    Id,
    String,
    Picklist,
    Reference,
    DateTime,
    Date,
    Double,
    Currency,
    Percent,
    Int,
    Boolean,
    Email,
    Url,
    TextArea,
}
