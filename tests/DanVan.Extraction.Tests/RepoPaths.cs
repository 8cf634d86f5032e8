namespace DanVan.Extraction.Tests;

/// <summary>Finds the repository root (the folder holding DanVan.Extraction.sln) and ../shared beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared data folder: $DANVAN_SHARED, or ../shared next to the repository.</summary>
    public static string Shared { get; } = Environment.GetEnvironmentVariable("DANVAN_SHARED") is { Length: > 0 } s
        ? Path.GetFullPath(s)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "seeds");

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Models => Path.Combine(Root, "models");

    public static string SharedFile(params string[] parts)
    {
        var path = Path.Combine([Shared, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared data file missing (tests expect ../shared beside the repository, or DANVAN_SHARED): {path}");
        }

        return path;
    }

    public static IEnumerable<string> SeedFiles() => Directory.EnumerateFiles(Seeds, "*.txt").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find DanVan.Extraction.sln above " + AppContext.BaseDirectory);
    }
}
