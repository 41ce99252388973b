using Analytics.TestSupport.Files;
using System.Text.Json;

namespace Analytics.Cli.Tests.Notebooks;

/// <summary>The committed notebooks in notebooks/ run on a demo warehouse built by <c>analytics run</c>.</summary>
[Collection(ThreeMonthLake.Collection)]
public sealed class DemoNotebooksTests(ThreeMonthLake lake)
{
    private static readonly string[] Committed = Directory.GetFiles(RepositoryFolder.Combine("notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_committed_notebook_runs_on_the_demo_warehouse_and_every_sql_cell_gets_its_result()
    {
        Assert.Equal(ExitCodes.Success, lake.RunCode);
        Assert.True(Committed.Length >= 6, $"expected the six analyses in notebooks/, found {Committed.Length}");
        var folder = Copy("all");

        var (code, output) = CliRun.Invoke("notebook", "run", folder, "--config", lake.Config);

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains($"{Committed.Length} of {Committed.Length} notebook(s) ran", output);
        foreach (var notebook in Directory.GetFiles(folder, "*.ipynb"))
        {
            var cells = TestNotebook.Cells(notebook);
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i]!["cell_type"]!.GetValue<string>() != "code")
                {
                    continue;
                }

                Assert.True(TestNotebook.ExecutionCount(notebook, i) is not null, $"{notebook}: cell {i + 1} did not run");
                var source = string.Concat(cells[i]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
                if (!source.TrimStart().StartsWith("create ", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.True(TestNotebook.Outputs(notebook, i).Count > 0, $"{notebook}: cell {i + 1} has no result");
                }
            }

            Assert.Equal("2026-09-30", TestNotebook.Metadata(notebook)["analytics"]!["warehouse_snapshot_date"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Breaking_a_cell_of_a_committed_notebook_fails_the_command_with_that_cell_number()
    {
        var folder = Copy("broken");
        var notebook = Path.Combine(folder, Path.GetFileName(Committed[1]));
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(notebook))!;
        var cells = json["cells"]!.AsArray();
        var third = cells.Select((cell, index) => (cell, index)).Where(c => c.cell!["cell_type"]!.GetValue<string>() == "code").ElementAt(2);
        third.cell!["source"] = "select win_rate_typo from marts.win_rates";
        File.WriteAllText(notebook, json.ToJsonString());

        var (code, output) = CliRun.Invoke("notebook", "run", notebook, "--config", lake.Config);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains($"cell {third.index + 1} (SQL cell 3) failed: Binder Error: Referenced column \"win_rate_typo\" not found", output);
    }

    [Fact]
    public void The_committed_notebooks_carry_their_outputs()
    {
        foreach (var notebook in Committed)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(notebook));
            var cells = document.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
            Assert.All(cells, cell => Assert.Equal(JsonValueKind.Number, cell.GetProperty("execution_count").ValueKind));
            Assert.True(document.RootElement.GetProperty("metadata").TryGetProperty("analytics", out _), $"{notebook} was not run with `analytics notebook run`");
        }
    }

    private string Copy(string name)
    {
        var folder = lake.Directory.Combine("notebooks-" + name);
        Directory.CreateDirectory(folder);
        foreach (var file in Committed)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }
}
