namespace DanVan.Extraction.Text;

/// <summary>A range of characters in a text: start index and length in UTF-16 code units.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an end index.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The span's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
