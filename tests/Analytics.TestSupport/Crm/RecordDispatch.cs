using Analytics.Pipelines.Crm;

namespace Analytics.TestSupport.Crm;

/// <summary>Hands a record of any entity to the sink's typed <c>Write</c> overload.</summary>
public static class RecordDispatch
{
    public static void WriteRecord(this ICrmRecordSink sink, ICrmRecord record)
    {
        switch (record)
        {
            case Partner r: sink.Write(r); break;
            case Account r: sink.Write(r); break;
            case Opportunity r: sink.Write(r); break;
            case OpportunityPartner r: sink.Write(r); break;
            case StageHistoryEntry r: sink.Write(r); break;
            case DealRegistration r: sink.Write(r); break;
            case LeadRegistration r: sink.Write(r); break;
            case Activity r: sink.Write(r); break;
            case Certification r: sink.Write(r); break;
            case CsatResponse r: sink.Write(r); break;
            case PartnerProof r: sink.Write(r); break;
            case Conflict r: sink.Write(r); break;
            default: throw new ArgumentException($"Unknown record type {record.GetType().Name}.", nameof(record));
        }
    }
}
