using System.Text;
using System.Text.RegularExpressions;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// The benchmark input: about 1 MB of realistic Vietnamese text, made from the article text of our own
/// labeled corpus (annotations removed), paragraphs drawn in a fixed-seed order. The same repository
/// commit always gives the same text.
/// </summary>
public static partial class BenchmarkText
{
    public const int TargetCharacters = 1_000_000;
    private const int Seed = 20261121;

    private static readonly Lazy<string> Text = new(Build);

    public static string Value => Text.Value;

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The corpus paragraphs (article text only, annotations removed), in file order.</summary>
    public static IReadOnlyList<string> CorpusParagraphs()
    {
        var folder = Path.Combine(RepoRoot, "corpus", "articles");
        var paragraphs = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(file, Encoding.UTF8);
            var body = content.StartsWith("---", StringComparison.Ordinal)
                ? content[(content.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..]
                : content;
            body = Annotation().Replace(body, "$1");
            foreach (var line in body.Split('\n'))
            {
                if (line.Trim().Length > 0)
                {
                    paragraphs.Add(line.TrimEnd('\r'));
                }
            }
        }

        if (paragraphs.Count == 0)
        {
            throw new InvalidOperationException("No corpus paragraphs under " + folder);
        }

        return paragraphs;
    }

    private static string Build()
    {
        var paragraphs = CorpusParagraphs();
        var random = new Random(Seed);
        var builder = new StringBuilder(TargetCharacters + 4096);
        while (builder.Length < TargetCharacters)
        {
            builder.Append(paragraphs[random.Next(paragraphs.Count)]).Append('\n');
        }

        return builder.ToString();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find DanVan.Extraction.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[\[[a-z]+:([^|\]]*)(?:\|[^\]]*)?\]\]")]
    private static partial Regex Annotation();
}
