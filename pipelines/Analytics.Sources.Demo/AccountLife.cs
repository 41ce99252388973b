namespace Analytics.Sources.Demo;

/// <summary>
/// One account and everything that ever happens on it: generated in full from the account's own random stream,
/// written as of a cut-off, then forgotten.
/// </summary>
internal sealed class AccountLife
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Domain { get; init; }

    /// <summary>Index into <see cref="ProgramRoster.Regions"/>.</summary>
    public required int Region { get; init; }

    /// <summary>0 smb, 1 mid_market, 2 enterprise.</summary>
    public required int Segment { get; init; }

    public required SalesRep Owner { get; init; }

    /// <summary>When the account was created in the CRM: long before the history for existing customers, else at its first opportunity.</summary>
    public DateTime CreatedAt { get; set; } = DateTime.MaxValue;

    /// <summary>Who holds the customer relationship from when: the partner, or null for direct.</summary>
    public List<(DateTime At, PartnerProfile? Partner)> Incumbents { get; } = [];

    public List<OpportunityLife> Opportunities { get; } = [];

    public List<RegistrationLife> Registrations { get; } = [];

    public List<LeadLife> Leads { get; } = [];

    public List<CsatLife> CsatResponses { get; } = [];

    public List<ConflictLife> Conflicts { get; } = [];

    public PartnerProfile? IncumbentAt(DateTime at)
    {
        PartnerProfile? incumbent = null;
        foreach (var (changedAt, partner) in Incumbents)
        {
            if (changedAt < at)
            {
                incumbent = partner;
            }
        }

        return incumbent;
    }
}
