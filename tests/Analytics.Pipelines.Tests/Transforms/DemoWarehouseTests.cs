using Analytics.Pipelines.Crm;
using Analytics.Sources.Demo;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

/// <summary>The shipped models over a small demo CRM: everything builds and every data test passes.</summary>
public sealed class DemoWarehouseTests
{
    private static IEnumerable<ICrmRecord> Demo(DateOnly date)
    {
        var snapshot = new DemoCrm(new DemoCrmOptions { Scale = 0.05 }).Snapshot(date);
        return CrmSchema.Entities.SelectMany(e => snapshot.RecordsOf(e.Name)).ToList();
    }

    [Fact]
    public void Every_model_builds_and_every_data_test_passes_on_the_demo_crm()
    {
        var date = new DateOnly(2026, 6, 30);
        using var warehouse = TestWarehouse.Build(date, Demo(date));

        Assert.True(warehouse.Result.Succeeded, TestWarehouse.Describe(warehouse.Result));
        Assert.All(warehouse.Result.Models, m => Assert.Equal(ModelStatus.Built, m.Status));
        Assert.Empty(warehouse.Result.Tests.Where(t => t.Status != TestStatus.Passed).Select(t => $"{t.Test.Name}: {t.Status} {t.FailingRows} {t.Error}"));
        Assert.Equal(date, warehouse.Result.SnapshotDate);
    }
}
