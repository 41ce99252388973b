namespace Analytics.Cli.WebConsole;

/// <summary>
/// A download's file, only inside its folder: each segment a plain name (letters, digits, '.', '-', '_', '@', '+'; not '.'
/// or '..'), the resolved path under the folder, and the file present. Anything else is refused (null).
/// </summary>
internal static class SafeFile
{
    /// <summary>Whether <paramref name="relative"/> is made of plain names only (no '..', no separators but '/', no encoded characters).</summary>
    public static bool IsPlain(string relative) =>
        relative.Split('/').All(s => s.Length > 0 && s is not ("." or "..") && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+'));

    /// <summary>The full path of <paramref name="relative"/> ('/'-separated) under <paramref name="folder"/>, or null when refused.</summary>
    public static string? Resolve(string folder, string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (!IsPlain(relative))
        {
            return null;
        }

        var segments = relative.Split('/');
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine([root, .. segments]));
        return path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
