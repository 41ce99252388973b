using System.Diagnostics;
using System.Text.Json;

namespace Analytics.Orchestration.Runs;

/// <summary>
/// The run history on disk: one folder per run under paths.runs (<c>&lt;run id&gt;/run.json</c>, beside whatever the run
/// kept there, such as a failed build). The files are the source of truth; <c>catalog.runs</c> is loaded from them,
/// because the warehouse is rebuilt every night. Each write replaces the file atomically, so a killed run leaves a
/// readable record that still says "running"; <see cref="MarkInterrupted"/> turns it into "interrupted".
/// </summary>
public sealed class RunHistory
{
    /// <summary>The file each run folder holds.</summary>
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A history kept in <paramref name="folder"/> (created when the first run is saved).</summary>
    public RunHistory(string folder) => Folder = folder;

    /// <summary>The folder (paths.runs).</summary>
    public string Folder { get; }

    /// <summary>The folder of run <paramref name="runId"/>.</summary>
    public string RunFolder(string runId) => Path.Combine(Folder, runId);

    /// <summary>Writes <paramref name="run"/> (replacing its previous state atomically).</summary>
    public void Save(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var folder = RunFolder(run.RunId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(run, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Every recorded run, newest first. A run still marked running whose process is gone on this host reads as
    /// interrupted. A record that cannot be read is reported to <paramref name="warn"/> with its path and skipped.
    /// </summary>
    public IReadOnlyList<RunRecord> ReadAll(Action<string>? warn = null)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var runs = new List<RunRecord>();
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                var run = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json)
                    ?? throw new JsonException("the file holds null");
                runs.Add(IsOrphaned(run) ? Interrupted(run) : run);
            }
            catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
            {
                warn?.Invoke($"{path}: not a readable run record ({e.Message}); left out of the history");
            }
        }

        return runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Rewrites every run left "running" by a process that is gone as "interrupted"; returns them.</summary>
    public IReadOnlyList<RunRecord> MarkInterrupted(Action<string>? warn = null)
    {
        var marked = new List<RunRecord>();
        foreach (var run in ReadAll(warn).Where(r => r.Outcome == RunOutcome.Interrupted && r.FinishedAt is null))
        {
            var closed = run with { FinishedAt = run.Steps.Max(s => s.FinishedAt ?? s.StartedAt) ?? run.StartedAt };
            Save(closed);
            marked.Add(closed);
        }

        return marked;
    }

    /// <summary>
    /// Deletes the folders of the finished runs of <paramref name="runs"/> (as <see cref="ReadAll"/> returns them, newest
    /// first) beyond the newest <paramref name="kept"/> (0 keeps all); returns the runs kept.
    /// </summary>
    public IReadOnlyList<RunRecord> Prune(IReadOnlyList<RunRecord> runs, int kept)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (kept <= 0)
        {
            return runs;
        }

        var old = runs.Where(r => r.Outcome != RunOutcome.Running).Skip(kept).ToHashSet();
        foreach (var run in old)
        {
            Directory.Delete(RunFolder(run.RunId), recursive: true);
        }

        return runs.Where(r => !old.Contains(r)).ToList();
    }

    private static bool IsOrphaned(RunRecord run)
    {
        if (run.Outcome != RunOutcome.Running || !string.Equals(run.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        if (run.ProcessId == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(run.ProcessId);
            return process.HasExited || process.StartTime.ToUniversalTime() > run.StartedAt.UtcDateTime;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static RunRecord Interrupted(RunRecord run) => run with
    {
        Outcome = RunOutcome.Interrupted,
        Error = run.Error ?? $"the run's process ({run.Host}, pid {run.ProcessId}) ended before the run did",
        Steps = run.Steps.Select(s => s.Outcome switch
        {
            StepOutcome.Running => s with { Outcome = StepOutcome.Failed, Error = "interrupted: the process ended during this step" },
            StepOutcome.Pending => s with { Outcome = StepOutcome.Cancelled },
            _ => s,
        }).ToList(),
    };
}
