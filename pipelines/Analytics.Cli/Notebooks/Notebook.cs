using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Cli.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as JSON: its cells in order, the SQL of its code cells, and the outputs the runner
/// writes back. Everything the runner does not set (markdown, metadata, unknown keys) is kept as it was read.
/// Saved the way Jupyter saves (one-space indent, trailing newline, no escaping of non-ASCII) so a re-run changes only
/// what changed.
/// </summary>
internal sealed class Notebook
{
    private static readonly JsonSerializerOptions SaveOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private Notebook(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _root = root;
        Cells = cells;
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>Every cell, in order (markdown and raw cells included, so cell numbers match what a reader counts).</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="NotebookException">The file is missing, not JSON, or not an nbformat 4 notebook.</exception>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new NotebookException($"{path}: no such notebook.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        if (node is not JsonObject root || root["cells"] is not JsonArray cells)
        {
            throw new NotebookException($"{path}: not a Jupyter notebook (no \"cells\" array).");
        }

        if (root["nbformat"]?.GetValueKind() != JsonValueKind.Number || root["nbformat"]!.GetValue<int>() != 4)
        {
            throw new NotebookException($"{path}: field nbformat must be 4 (Jupyter notebook format 4).");
        }

        var list = new List<NotebookCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValueKind() != JsonValueKind.String)
            {
                throw new NotebookException($"{path}: cell {i + 1}: field cell_type is missing.");
            }

            list.Add(new NotebookCell(cell, i + 1));
        }

        return new Notebook(path, root, list);
    }

    /// <summary>The notebook-level metadata object <c>metadata.analytics</c>, created when missing.</summary>
    public JsonObject AnalyticsMetadata
    {
        get
        {
            var metadata = _root["metadata"] as JsonObject ?? (JsonObject)(_root["metadata"] = new JsonObject());
            return metadata["analytics"] as JsonObject ?? (JsonObject)(metadata["analytics"] = new JsonObject());
        }
    }

    /// <summary>The notebook as Jupyter writes it.</summary>
    public string ToJson() => _root.ToJsonString(SaveOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Writes the notebook to <see cref="Path"/> through a temporary file and a rename, so a reader never sees half of it.</summary>
    public void Save()
    {
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Jupyter's multi-line string: one array element per line, each but the last ending in "\n".</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..(end + 1)];
            array.Add(line);
            start = end < 0 ? text.Length : end + 1;
        }

        return array;
    }
}
