using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Models.Scoring;

/// <summary>
/// The folder of trained models (<c>paths.models</c>): <c>&lt;model&gt;/current.json</c> is the model in use,
/// <c>&lt;model&gt;/&lt;version&gt;.json</c> every version trained, <c>&lt;model&gt;/*.zip</c> the ML.NET models the
/// cards name (by content hash), and <c>evaluations.jsonl</c> the ledger of every
/// evaluation (loaded into <c>catalog.model_evaluations</c> at each scoring, since the warehouse is rebuilt nightly).
/// Files are written to a temporary name and renamed, so a crash never leaves half a model.
/// </summary>
public sealed class ModelStore
{
    /// <summary>JSON as saved: snake_case, indented, enums as strings.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable: "ln(1 + ...)", not "\u002B"
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions Line = new(Json) { WriteIndented = false };

    /// <summary>Opens (and creates) the store at <paramref name="folder"/>.</summary>
    public ModelStore(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The store's folder.</summary>
    public string Folder { get; }

    /// <summary>The ledger of evaluations, one JSON object per line.</summary>
    public string EvaluationsFile => Path.Combine(Folder, "evaluations.jsonl");

    /// <summary>The file of the model in use.</summary>
    public string CurrentFile(string model) => Path.Combine(Folder, model, "current.json");

    /// <summary>The version string for <paramref name="parameters"/> trained on <paramref name="snapshot"/>.</summary>
    public static string Version<T>(string model, DateOnly snapshot, T parameters)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parameters, Line)));
        return $"{model}-{snapshot:yyyyMMdd}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    /// <summary>The path of a file a model's card names (an ML.NET zip), in the model's folder.</summary>
    public string ArtifactPath(string model, string fileName) => Path.Combine(Folder, model, Path.GetFileName(fileName));

    /// <summary>Saves a file a model's card will name (written to a temporary name and renamed).</summary>
    /// <returns>Its path.</returns>
    public string SaveArtifact(string model, string fileName, byte[] content)
    {
        var path = ArtifactPath(model, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Saves <paramref name="file"/> as its version and as the model in use.</summary>
    /// <returns>The path of the current file.</returns>
    public string Save<T>(ModelFile<T> file)
    {
        var text = JsonSerializer.Serialize(file, Json) + "\n";
        WriteAtomically(Path.Combine(Folder, file.Model, file.Version + ".json"), text);
        var current = CurrentFile(file.Model);
        WriteAtomically(current, text);
        return current;
    }

    /// <summary>The model in use, or null when none was trained.</summary>
    /// <exception cref="ModelFileException">The file exists but cannot be read as this kind of model.</exception>
    public ModelFile<T>? Load<T>(string model)
    {
        var path = CurrentFile(model);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModelFile<T>>(File.ReadAllText(path), Json)
                ?? throw new ModelFileException($"{path}: empty model file; retrain with `analytics train`.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path}: not a readable {model} model ({e.Message}); retrain with `analytics train`.");
        }
    }

    /// <summary>The training snapshot of the model in use without reading its parameters, or null when none.</summary>
    public DateOnly? TrainedSnapshot(string model)
    {
        var path = CurrentFile(model);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("snapshot_date", out var date) && DateOnly.TryParse(date.GetString(), out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null; // unreadable: treated as missing, so it is retrained
        }
    }

    /// <summary>
    /// Adds <paramref name="evaluations"/> to the ledger, skipping any (model version, window, metric) already there,
    /// so evaluating the same model twice records it once.
    /// </summary>
    public void RecordEvaluations(IEnumerable<ModelEvaluation> evaluations)
    {
        var existing = ReadEvaluations().Select(Key).ToHashSet(StringComparer.Ordinal);
        var added = evaluations.Where(e => existing.Add(Key(e))).ToList();
        if (added.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        var text = new StringBuilder();
        if (File.Exists(EvaluationsFile))
        {
            text.Append(File.ReadAllText(EvaluationsFile));
        }

        foreach (var evaluation in added)
        {
            text.Append(JsonSerializer.Serialize(evaluation, Line)).Append('\n');
        }

        WriteAtomically(EvaluationsFile, text.ToString());
    }

    /// <summary>Every evaluation recorded, oldest first.</summary>
    public IReadOnlyList<ModelEvaluation> ReadEvaluations()
    {
        if (!File.Exists(EvaluationsFile))
        {
            return [];
        }

        var list = new List<ModelEvaluation>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(EvaluationsFile))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                list.Add(JsonSerializer.Deserialize<ModelEvaluation>(line, Line)!);
            }
            catch (JsonException e)
            {
                throw new ModelFileException($"{EvaluationsFile}:{lineNumber}: not an evaluation record ({e.Message}).");
            }
        }

        return list;
    }

    private static string Key(ModelEvaluation e) => $"{e.ModelVersion}\u001f{e.Window}\u001f{e.Metric}";

    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
