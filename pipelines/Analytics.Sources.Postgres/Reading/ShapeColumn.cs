namespace Analytics.Sources.Postgres.Reading;

/// <summary>A canonical column an entity's query yields, and how it is read.</summary>
/// <param name="Name">The canonical column.</param>
/// <param name="TypeName">Its PostgreSQL type as the server names it (<c>timestamp with time zone</c>, <c>crm.deal_kind</c>).</param>
/// <param name="ReadAs">How its values are read.</param>
/// <param name="Select">The SQL selecting it from the entity's relation <c>q</c>.</param>
internal sealed record ShapeColumn(string Name, string TypeName, ReadAs ReadAs, string Select);
