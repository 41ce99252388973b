namespace Analytics.Pipelines.Crm;

/// <summary>
/// Where a CRM source writes the records of one snapshot. Sources call the overloads in any interleaving;
/// a sink must not assume all records of one entity arrive together.
/// </summary>
public interface ICrmRecordSink
{
    /// <summary>Writes one row of <c>partners</c>.</summary>
    void Write(Partner record);

    /// <summary>Writes one row of <c>accounts</c>.</summary>
    void Write(Account record);

    /// <summary>Writes one row of <c>opportunities</c>.</summary>
    void Write(Opportunity record);

    /// <summary>Writes one row of <c>opportunity_partners</c>.</summary>
    void Write(OpportunityPartner record);

    /// <summary>Writes one row of <c>stage_history</c>.</summary>
    void Write(StageHistoryEntry record);

    /// <summary>Writes one row of <c>deal_registrations</c>.</summary>
    void Write(DealRegistration record);

    /// <summary>Writes one row of <c>lead_registrations</c>.</summary>
    void Write(LeadRegistration record);

    /// <summary>Writes one row of <c>activities</c>.</summary>
    void Write(Activity record);

    /// <summary>Writes one row of <c>certifications</c>.</summary>
    void Write(Certification record);

    /// <summary>Writes one row of <c>csat_responses</c>.</summary>
    void Write(CsatResponse record);

    /// <summary>Writes one row of <c>partner_proofs</c>.</summary>
    void Write(PartnerProof record);

    /// <summary>Writes one row of <c>conflicts</c>.</summary>
    void Write(Conflict record);
}
