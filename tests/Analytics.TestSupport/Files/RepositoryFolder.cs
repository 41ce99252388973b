namespace Analytics.TestSupport.Files;

/// <summary>The repository's root folder (the one holding Analytics.sln), for tests over committed files.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Analytics.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
