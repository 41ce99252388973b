using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Cli.Notebooks;

/// <summary>One cell of a <see cref="Notebook"/>: its kind, its source text and, for a code cell, its outputs.</summary>
internal sealed class NotebookCell(JsonObject cell, int number)
{
    /// <summary>The cell's position in the notebook, counting from 1 over every cell.</summary>
    public int Number { get; } = number;

    /// <summary>code, markdown or raw.</summary>
    public string Kind => cell["cell_type"]!.GetValue<string>();

    /// <summary>True for a code cell (SQL, in our notebooks).</summary>
    public bool IsCode => Kind == "code";

    /// <summary>The cell's text: Jupyter stores it as one string or as an array of lines.</summary>
    public string Source => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? string.Empty)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => string.Empty,
    };

    /// <summary>Replaces the cell's outputs and execution count (code cells only).</summary>
    public void SetOutputs(IReadOnlyList<JsonObject> outputs, int? executionCount)
    {
        cell["execution_count"] = executionCount;
        var array = new JsonArray();
        foreach (var output in outputs)
        {
            array.Add(output);
        }

        cell["outputs"] = array;
    }
}
