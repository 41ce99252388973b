using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Cli.Tests.Notebooks;

/// <summary>Writes small nbformat-4 notebooks for the tests and reads their outputs back.</summary>
internal static class TestNotebook
{
    /// <summary>Writes a notebook whose cells are given as ("markdown" or "code", source).</summary>
    public static void Write(string path, params (string Kind, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (kind, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = kind, ["metadata"] = new JsonObject(), ["source"] = source };
            if (kind == "code")
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }

            array.Add(cell);
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "duckdb-sql" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
    }

    public static JsonArray Cells(string path) => (JsonArray)JsonNode.Parse(File.ReadAllText(path))!["cells"]!;

    public static JsonObject Metadata(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!["metadata"]!;

    /// <summary>The outputs of the cell at <paramref name="index"/> (0-based over every cell).</summary>
    public static JsonArray Outputs(string path, int index) => (JsonArray)Cells(path)[index]!["outputs"]!;

    /// <summary>One output's text for a MIME type, its lines joined.</summary>
    public static string Text(JsonNode output, string mime) =>
        string.Concat(((JsonArray)output["data"]![mime]!).Select(line => line!.GetValue<string>()));

    public static int? ExecutionCount(string path, int index) =>
        Cells(path)[index]!["execution_count"]?.GetValueKind() == JsonValueKind.Number ? Cells(path)[index]!["execution_count"]!.GetValue<int>() : null;
}
