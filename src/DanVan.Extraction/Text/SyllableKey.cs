using System.Runtime.CompilerServices;
using System.Text;
using DanVan.Extraction.Learning;

namespace DanVan.Extraction.Text;

/// <summary>
/// The form a token is looked up by: lowercase, NFC, new-style tone marks, "Ð" read as "đ" — so
/// "Thị uỷ", "THỊ ỦY" and a decomposed "Thị ủy" all find the same entry. Allocation-free except
/// for decomposed (NFD) input, which is rare and composed through <see cref="string.Normalize()"/>.
/// </summary>
internal static class SyllableKey
{
    /// <summary>Tokens longer than this are never in a vocabulary.</summary>
    public const int MaxLength = 32;

    private const int TableSize = 0x2000;
    private static readonly char[] Lower = BuildLower();

    /// <summary>
    /// Writes the lookup form of <paramref name="token"/> into <paramref name="buffer"/> (at least
    /// <see cref="MaxLength"/> long) and returns its length, or −1 when the token is too long.
    /// </summary>
    public static int Write(ReadOnlySpan<char> token, Span<char> buffer, out bool toned) => Write(token, buffer, out toned, out _);

    /// <summary>As <see cref="Write(ReadOnlySpan{char}, Span{char}, out bool)"/>, also counting the characters that were not lowercase.</summary>
    public static int Write(ReadOnlySpan<char> token, Span<char> buffer, out bool toned, out int changed)
    {
        toned = false;
        changed = 0;
        if (token.Length > MaxLength)
        {
            return -1;
        }

        var lower = Lower;
        for (var k = 0; k < token.Length; k++)
        {
            var c = token[k];
            if (c < TableSize)
            {
                var l = lower[c];
                if (l == '\0')
                {
                    // A combining mark (decomposed text): compose the whole token.
                    changed = CountUpper(token);
                    return WriteComposed(token, buffer, out toned);
                }

                buffer[k] = l;
                changed += l != c ? 1 : 0;
                toned |= ToneMarks.HasTone(l);
            }
            else
            {
                var l = char.ToLowerInvariant(c);
                buffer[k] = l;
                changed += l != c ? 1 : 0;
            }
        }

        return token.Length;
    }

    /// <summary>The id of <paramref name="token"/> in <paramref name="table"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(SpanKeyTable table, ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return Find(table, token, buffer, out _);
    }

    /// <summary>
    /// The id of <paramref name="token"/> in <paramref name="table"/>, or −1; the lookup form is left in
    /// <paramref name="buffer"/> (<paramref name="length"/> characters, −1 when the token is too long).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(SpanKeyTable table, ReadOnlySpan<char> token, Span<char> buffer, out int length) => Find(table, token, buffer, out length, out _);

    /// <summary>As <see cref="Find(SpanKeyTable, ReadOnlySpan{char}, Span{char}, out int)"/>, also counting the uppercase characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(SpanKeyTable table, ReadOnlySpan<char> token, Span<char> buffer, out int length, out int uppers)
    {
        length = Write(token, buffer, out var toned, out uppers);
        if (length < 0)
        {
            return -1;
        }

        var key = buffer[..length];
        var id = table.Find(key);
        if (id < 0 && toned && ToneMarks.Place(key, ToneMarkStyle.New))
        {
            id = table.Find(key);
        }

        return id;
    }

    /// <summary>The lookup form as a string (for building vocabularies), or null when too long.</summary>
    public static string? Canonical(ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Write(token, buffer, out var toned);
        if (length < 0)
        {
            return null;
        }

        var key = buffer[..length];
        if (toned)
        {
            ToneMarks.Place(key, ToneMarkStyle.New);
        }

        return key.ToString();
    }

    private static int CountUpper(ReadOnlySpan<char> token)
    {
        var count = 0;
        foreach (var c in token)
        {
            count += CharClass.IsUpper(c) ? 1 : 0;
        }

        return count;
    }

    private static int WriteComposed(ReadOnlySpan<char> token, Span<char> buffer, out bool toned)
    {
        toned = false;
        var composed = token.ToString().Normalize(NormalizationForm.FormC);
        var n = 0;
        foreach (var c in composed)
        {
            var l = c < TableSize ? Lower[c] : char.ToLowerInvariant(c);
            if (l == '\0')
            {
                // A mark that does not compose with its letter: keep it, it is part of the form.
                l = c;
            }

            if (n == buffer.Length)
            {
                return -1;
            }

            buffer[n++] = l;
            toned |= ToneMarks.HasTone(l);
        }

        return n;
    }

    private static char[] BuildLower()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = CharClass.Of(c) == CharKind.CombiningMark ? '\0' : char.ToLowerInvariant(c);
        }

        table['\u00D0'] = 'đ';
        table['\u00F0'] = 'đ';
        table['\u0110'] = 'đ';
        return table;
    }
}
