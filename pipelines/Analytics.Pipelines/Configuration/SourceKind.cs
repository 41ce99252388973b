namespace Analytics.Pipelines.Configuration;

/// <summary>The kinds of CRM source.</summary>
public enum SourceKind
{
    /// <summary>The built-in, deterministic demo CRM.</summary>
    Demo,

    /// <summary>CSV, JSON-lines or Parquet files dropped in a folder.</summary>
    Files,

    /// <summary>A Salesforce org, read through its REST and Bulk 2.0 APIs (<c>source.salesforce</c>).</summary>
    Salesforce,

    /// <summary>An in-house CRM's PostgreSQL read replica, read by SQL in one consistent snapshot (<c>source.postgres</c>).</summary>
    Postgres,
    /// <summary>A HubSpot portal, read through its CRM v3/v4 APIs (<c>source.hubspot</c>).</summary>
    HubSpot,
}
