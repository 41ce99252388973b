using Analytics.Pipelines.Warehouse;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Warehouse;

public sealed class DuckDbFileOpeningTests
{
    [Fact]
    public void Every_file_opened_is_told_with_its_full_path_and_mode()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("some.duckdb");
        var opened = new List<DuckDbOpening>();
        void Record(DuckDbOpening open)
        {
            if (open.Path == Path.GetFullPath(file))
            {
                lock (opened)
                {
                    opened.Add(open);
                }
            }
        }

        DuckDbFile.Opening += Record;
        try
        {
            using (DuckDbFile.Open(file))
            {
            }

            using (DuckDbFile.Open(file, readOnly: true))
            {
            }
        }
        finally
        {
            DuckDbFile.Opening -= Record;
        }

        Assert.Equal([new DuckDbOpening(Path.GetFullPath(file), false), new DuckDbOpening(Path.GetFullPath(file), true)], opened);
    }
}
