using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Crm;

/// <summary>A sink that hands every record, whatever its entity, to one callback, in arrival order.</summary>
public sealed class RecordForwardingSink(Action<ICrmRecord> onRecord) : ICrmRecordSink
{
    public void Write(Partner record) => onRecord(record);

    public void Write(Account record) => onRecord(record);

    public void Write(Opportunity record) => onRecord(record);

    public void Write(OpportunityPartner record) => onRecord(record);

    public void Write(StageHistoryEntry record) => onRecord(record);

    public void Write(DealRegistration record) => onRecord(record);

    public void Write(LeadRegistration record) => onRecord(record);

    public void Write(Activity record) => onRecord(record);

    public void Write(Certification record) => onRecord(record);

    public void Write(CsatResponse record) => onRecord(record);

    public void Write(PartnerProof record) => onRecord(record);

    public void Write(Conflict record) => onRecord(record);
}
