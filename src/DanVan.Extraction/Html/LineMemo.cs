using System.Diagnostics.CodeAnalysis;

namespace DanVan.Extraction.Html;

/// <summary>
/// The match keys and line kinds made while reading one page. The content selector, the title finder, the
/// article assembler and the byline reader each look at the same lines; with a memo each line is normalized and
/// classified once. Both values are functions of the line's text alone, so the memo changes no result.
/// </summary>
/// <remarks>
/// The memo of the page being read on this thread is found through <see cref="Current"/>, opened by
/// <see cref="Begin"/> around one read and dropped at its end: nothing is kept from one page to the next.
/// </remarks>
internal sealed class LineMemo
{
    [ThreadStatic]
    private static LineMemo? t_current;

    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineKind> _kinds = new(StringComparer.Ordinal);

    /// <summary>The memo of the page being read on this thread, or null outside a read.</summary>
    public static LineMemo? Current => t_current;

    /// <summary>Opens a memo for one page read on this thread; dispose the scope when the read ends.</summary>
    public static Scope Begin()
    {
        var outer = t_current;
        t_current = new LineMemo();
        return new Scope(outer);
    }

    public bool TryGetKey(string text, [MaybeNullWhen(false)] out string key) => _keys.TryGetValue(text, out key);

    public void AddKey(string text, string key) => _keys[text] = key;

    public bool TryGetKind(string text, out LineKind kind) => _kinds.TryGetValue(text, out kind);

    public void AddKind(string text, LineKind kind) => _kinds[text] = kind;

    /// <summary>Restores the memo that was current before <see cref="Begin"/>.</summary>
    public readonly struct Scope(LineMemo? outer) : IDisposable
    {
        public void Dispose() => t_current = outer;
    }
}
