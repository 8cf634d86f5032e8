using System.Text.Json;

namespace DanVan.Extraction.Evaluation;

/// <summary>One labeled page of <c>corpus/pages/&lt;kind&gt;/NNN.gold.json</c>, beside its <c>NNN.html</c>.</summary>
internal sealed record PageGold(
    string Id,
    string Split,
    string Portal,
    string HtmlPath,
    string? Url,
    string? Title,
    string? Published,
    string? Author,
    string? Lead,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> Captions)
{
    /// <summary>Every labeled page under <paramref name="directory"/> (recursively), ordered by path; <paramref name="split"/> filters when given.</summary>
    public static List<PageGold> LoadAll(string directory, string? split)
    {
        var result = new List<PageGold>();
        if (!Directory.Exists(directory))
        {
            return result;
        }

        var files = Directory.GetFiles(directory, "*.gold.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var gold = Load(file);
            if (split is null || string.Equals(gold.Split, split, StringComparison.Ordinal))
            {
                result.Add(gold);
            }
        }

        return result;
    }

    public static PageGold Load(string goldPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(goldPath));
        var root = doc.RootElement;
        var html = goldPath[..^".gold.json".Length] + ".html";
        var kind = Path.GetFileName(Path.GetDirectoryName(goldPath)) ?? string.Empty;
        return new PageGold(
            Str(root, "id") ?? kind + "-" + Path.GetFileName(html),
            Str(root, "split") ?? "train",
            Str(root, "portal") ?? kind,
            html,
            Str(root, "url"),
            Str(root, "title"),
            Str(root, "published"),
            Str(root, "author"),
            Str(root, "lead"),
            Strs(root, "body"),
            Strs(root, "captions"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strs(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }
}
