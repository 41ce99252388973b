
using Analytics.TestSupport.Warehouses;

namespace Analytics.Models.Tests.Forecasting;

/// <summary><see cref="ForecastDataset"/> built once with every snapshot, and once cut after S1 (later snapshots deleted).</summary>
public sealed class ForecastDatasetFixture : IDisposable
{
    public TestWarehouse All { get; } = ForecastDataset.BuildAll();

    public TestWarehouse UpToS1 { get; } = ForecastDataset.BuildUpTo(ForecastDataset.S1);

    public void Dispose()
    {
        All.Dispose();
        UpToS1.Dispose();
    }
}
