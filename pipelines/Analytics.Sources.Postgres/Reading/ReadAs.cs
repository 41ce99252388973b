namespace Analytics.Sources.Postgres.Reading;

/// <summary>How a result column's values reach the canonical row's text.</summary>
internal enum ReadAs
{
    /// <summary>Cast to text by PostgreSQL (exact for numbers, <c>true</c>/<c>false</c> for booleans), parsed by the loader.</summary>
    Text,

    /// <summary>Read as a date and written yyyy-MM-dd.</summary>
    Date,

    /// <summary>Read as a timestamp (UTC; a <c>timestamp without time zone</c> is taken as UTC) and written ISO 8601.</summary>
    Timestamp,
}
