namespace Analytics.Sources.Demo;

/// <summary>
/// One lead registration's whole life. Times that never happen are <see cref="DateTime.MaxValue"/>.
/// </summary>
internal sealed class LeadLife
{
    public required string Id { get; init; }

    public required PartnerProfile Partner { get; init; }

    /// <summary>The company name as the partner typed it.</summary>
    public required string CompanyName { get; init; }

    public required string CompanyDomain { get; init; }

    public required DateTime SubmittedAt { get; init; }

    public required DateTime FirstResponseAt { get; init; }

    public required DateTime DecidedAt { get; init; }

    public required bool Approved { get; init; }

    public required DateTime FirstMeetingAt { get; init; }

    public OpportunityLife? Opportunity { get; init; }
}
