namespace Analytics.Sources.Demo;

/// <summary>One customer's rating of a partner.</summary>
internal sealed record CsatLife(string Id, PartnerProfile Partner, int Score, DateTime RespondedAt);
