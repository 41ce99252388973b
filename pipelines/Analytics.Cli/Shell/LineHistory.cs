using System.Text;

namespace Analytics.Cli.Shell;

/// <summary>
/// The lines entered in the sql shell, oldest first, kept in a file (one line each) so the next session can recall
/// them: the last <see cref="Capacity"/> are kept, blank lines and a repeat of the line before are not recorded. A file
/// that cannot be read or written costs the history, never the session: <paramref name="warn"/> hears about it once.
/// </summary>
internal sealed class LineHistory(string file, IReadOnlyList<string> entries, Action<string> warn)
{
    /// <summary>How many lines are kept.</summary>
    public const int Capacity = 1000;

    private readonly List<string> _entries = [.. entries.TakeLast(Capacity)];
    private bool _warned;

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>The history in <paramref name="file"/> (empty when there is no such file yet).</summary>
    public static LineHistory Load(string file, Action<string> warn)
    {
        try
        {
            var lines = File.Exists(file) ? File.ReadAllLines(file, Encoding.UTF8).Where(l => l.Length > 0).ToList() : [];
            return new LineHistory(file, lines, warn);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"history not loaded from {file}: {e.Message}");
            return new LineHistory(file, [], warn);
        }
    }

    /// <summary>Records <paramref name="line"/> and saves the history.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > Capacity)
        {
            _entries.RemoveRange(0, _entries.Count - Capacity);
        }

        Save();
    }

    private void Save()
    {
        try
        {
            // Written beside and renamed over, so a crash mid-write never leaves half a history.
            var temporary = file + ".tmp";
            File.WriteAllLines(temporary, _entries, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!_warned)
            {
                _warned = true;
                warn($"history not saved to {file}: {e.Message}");
            }
        }
    }
}
