using System.Diagnostics;
using System.Text.Json;
using Analytics.Pipelines.Crm;
using Analytics.Pipelines.Sources.Demo;

namespace Analytics.Pipelines.Tests.Transforms;

/// <summary>
/// The warehouse is plain DuckDB: another DuckDB 1.5 client (the Node.js one, @duckdb/node-api 1.5.6) opens it
/// read-only and finds every mart column documented in catalog.columns. Node and npm are on every build machine
/// (the build fetches the native library with npm); the client is installed once into .native/node-client.
/// </summary>
public sealed class OtherClientTests
{
    private const string NodeClient = "@duckdb/node-api@1.5.6-r.1";

    [Fact]
    public void The_nodejs_duckdb_client_opens_the_warehouse_and_finds_every_mart_column_documented()
    {
        var date = new DateOnly(2026, 6, 30);
        var snapshot = new DemoCrm(new DemoCrmOptions { Scale = 0.05 }).Snapshot(date);
        using var warehouse = TestWarehouse.Build(date, CrmSchema.Entities.SelectMany(e => snapshot.RecordsOf(e.Name)).ToList());
        var clientFolder = InstallNodeClient();
        var script = Path.Combine(clientFolder, "catalog-check.mjs");
        File.WriteAllText(script, """
            import { DuckDBInstance } from '@duckdb/node-api';
            const instance = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
            const connection = await instance.connect();
            const read = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
            const [columns] = await read(`
              select count(*) as mart_columns,
                     count(*) filter (where c.description is null or c.description = '') as undocumented,
                     (select count(*) from information_schema.columns where table_schema = 'marts') as physical_mart_columns
              from catalog.columns as c where c.schema_name = 'marts'`);
            const [run] = await read(`select run_id, cast(snapshot_date as varchar) as snapshot_date, status from catalog.builds`);
            console.log(JSON.stringify({ ...columns, ...run, version: (await read('select version() as v'))[0].v }));
            """);

        var output = Run("node", [script, warehouse.Path], clientFolder);

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.StartsWith("v1.5", root.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", root.GetProperty("undocumented").GetString());
        Assert.NotEqual("0", root.GetProperty("mart_columns").GetString());
        Assert.Equal(root.GetProperty("physical_mart_columns").GetString(), root.GetProperty("mart_columns").GetString());
        Assert.Equal(warehouse.Result.RunId, root.GetProperty("run_id").GetString());
        Assert.Equal("2026-06-30", root.GetProperty("snapshot_date").GetString());
    }

    private static string InstallNodeClient()
    {
        var folder = Path.Combine(Path.GetDirectoryName(TestWarehouse.TransformsFolder)!, "..", ".native", "node-client");
        folder = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(folder, "node_modules", "@duckdb", "node-api", "package.json")))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "node-client", "private": true, "type": "module" }""");
            Run("npm", ["install", "--no-audit", "--no-fund", NodeClient], folder);
        }

        return folder;
    }

    private static string Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
