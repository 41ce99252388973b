using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Crm;

namespace Analytics.Pipelines.Tests.Crm;

public sealed class CrmSnapshotBufferTests
{
    [Fact]
    public void Records_are_kept_per_entity_in_arrival_order()
    {
        var buffer = new CrmSnapshotBuffer();
        var first = (Activity)SampleRecords.All.Single(r => r is Activity);
        var second = first with { ActivityId = "act-000001-01-002" };

        buffer.Write(first);
        buffer.Write((Partner)SampleRecords.All[0]);
        buffer.Write(second);

        Assert.Equal([first, second], buffer.Activities);
        Assert.Single(buffer.Partners);
        Assert.Empty(buffer.Conflicts);
    }

    [Fact]
    public void RecordsOf_returns_the_records_of_the_named_entity()
    {
        var buffer = Filled();

        Assert.All(CrmSchema.Entities, entity => Assert.Equal(entity, Assert.Single(buffer.RecordsOf(entity.Name)).Schema));
        Assert.Throws<ArgumentException>(() => buffer.RecordsOf("deals"));
    }

    [Fact]
    public void CopyTo_replays_every_record_entity_by_entity()
    {
        var copied = new List<ICrmRecord>();

        Filled().CopyTo(new RecordForwardingSink(copied.Add));

        Assert.Equal(SampleRecords.All, copied);
    }

    [Fact]
    public void Writing_null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new CrmSnapshotBuffer().Write((Conflict)null!));
    }

    private static CrmSnapshotBuffer Filled()
    {
        var buffer = new CrmSnapshotBuffer();
        foreach (var record in SampleRecords.All.Reverse())
        {
            buffer.WriteRecord(record);
        }

        return buffer;
    }
}
