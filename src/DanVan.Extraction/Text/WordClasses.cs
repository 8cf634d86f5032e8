using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>The part of speech a word most often has: enough to tell where a noun phrase ends.</summary>
internal enum WordClass
{
    /// <summary>Not in the table.</summary>
    Unknown,

    /// <summary>Noun, classifier, unit or proper noun.</summary>
    Noun,

    /// <summary>Verb.</summary>
    Verb,

    /// <summary>Adjective.</summary>
    Adjective,

    /// <summary>Any other class (preposition, adverb, conjunction, numeral, pronoun …).</summary>
    Other,
}

/// <summary>
/// Word → most frequent part of speech, counted over a POS-tagged treebank (pyvi's <c>vtb.txt</c>) by
/// <c>danvan train word-classes</c> and embedded as <c>models/lexicons/word-classes.tsv</c>. Words are
/// looked up in their normalized lowercase form (new-style tone marks, syllables separated by one space).
/// Immutable and thread-safe once loaded.
/// </summary>
internal sealed class WordClasses
{
    private static readonly Lazy<WordClasses> DefaultLazy = new(() =>
    {
        using var reader = new StreamReader(ModelCatalog.Open(ModelCatalog.WordClasses), Encoding.UTF8);
        return Read(reader);
    });

    private readonly Dictionary<string, WordClass> _classes;

    private WordClasses(Dictionary<string, WordClass> classes) => _classes = classes;

    /// <summary>The embedded table.</summary>
    public static WordClasses Default => DefaultLazy.Value;

    /// <summary>Number of words in the table.</summary>
    public int Count => _classes.Count;

    /// <summary>The class of <paramref name="word"/> (any case and tone style; syllables separated by single spaces).</summary>
    public WordClass Of(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[SyllableKey.MaxLength];
        var key = new StringBuilder(word.Length);
        var rest = word;
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var syllable = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[(space + 1)..];
            if (!syllable.IsEmpty && !AppendKey(key, syllable, buffer))
            {
                return WordClass.Unknown;
            }
        }

        return _classes.TryGetValue(key.ToString(), out var c) ? c : WordClass.Unknown;
    }

    /// <summary>Reads a table written by <see cref="Train"/>: "word&lt;TAB&gt;N|V|A|O" lines, '#' comments.</summary>
    public static WordClasses Read(TextReader reader)
    {
        var classes = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab + 1 >= line.Length)
            {
                throw new InvalidDataException($"word-classes: malformed line '{line}'");
            }

            classes[line[..tab]] = line[tab + 1] switch
            {
                'N' => WordClass.Noun,
                'V' => WordClass.Verb,
                'A' => WordClass.Adjective,
                _ => WordClass.Other,
            };
        }

        return new WordClasses(classes);
    }

    /// <summary>
    /// Counts the tags of every word in pyvi-format lines ("word/TAG", syllables joined by '_') and writes the
    /// words seen at least <paramref name="minCount"/> times with their most frequent class, sorted by word.
    /// Returns the number of words written.
    /// </summary>
    public static int Train(TextReader taggedLines, TextWriter output, int minCount)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[SyllableKey.MaxLength];
        while (taggedLines.ReadLine() is { } line)
        {
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var slash = token.LastIndexOf('/');
                if (slash <= 0 || slash == token.Length - 1)
                {
                    continue;
                }

                var word = new StringBuilder();
                var ok = true;
                foreach (var syllable in token[..slash].Split('_', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!char.IsLetter(syllable[0]) || !AppendKey(word, syllable, buffer))
                    {
                        ok = false;
                        break;
                    }
                }

                if (!ok || word.Length == 0)
                {
                    continue;
                }

                var key = word.ToString();
                if (!counts.TryGetValue(key, out var tally))
                {
                    counts[key] = tally = new int[5];
                }

                tally[(int)ClassOfTag(token[(slash + 1)..])]++;
            }
        }

        output.WriteLine("# Word -> most frequent part of speech (N noun/classifier/proper noun, V verb, A adjective, O other).");
        output.WriteLine("# Counted from pyvi's data/vtb.txt (https://github.com/trungtv/pyvi), MIT License, Copyright (c) 2016 Viet-Trung Tran.");
        output.WriteLine("# Written by `danvan train word-classes`; do not edit by hand.");
        var written = 0;
        foreach (var (word, tally) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (tally.Sum() < minCount)
            {
                continue;
            }

            // Ties go to the earlier class: noun, verb, adjective, other.
            var best = WordClass.Noun;
            foreach (var c in (ReadOnlySpan<WordClass>)[WordClass.Verb, WordClass.Adjective, WordClass.Other])
            {
                if (tally[(int)c] > tally[(int)best])
                {
                    best = c;
                }
            }

            output.Write(word);
            output.Write('\t');
            output.WriteLine(best switch { WordClass.Noun => "N", WordClass.Verb => "V", WordClass.Adjective => "A", _ => "O" });
            written++;
        }

        return written;
    }

    /// <summary>
    /// Appends the lookup form of one syllable (lowercase, NFC, new-style tone mark) to <paramref name="key"/>,
    /// after a space when the key is not empty; false when the syllable is too long to be a word's.
    /// </summary>
    private static bool AppendKey(StringBuilder key, ReadOnlySpan<char> syllable, Span<char> buffer)
    {
        var n = SyllableKey.Write(syllable, buffer, out var toned);
        if (n < 0)
        {
            return false;
        }

        if (toned)
        {
            ToneMarks.Place(buffer[..n], ToneMarkStyle.New);
        }

        if (key.Length > 0)
        {
            key.Append(' ');
        }

        key.Append(buffer[..n]);
        return true;
    }

    /// <summary>The class of a Vietnamese treebank tag (N, Nc, Nu, Np, Ny, Nb, V, Vb, A, Ab, …).</summary>
    internal static WordClass ClassOfTag(string tag) => tag switch
    {
        ['N', ..] => WordClass.Noun,
        ['V', ..] => WordClass.Verb,
        ['A', ..] => WordClass.Adjective,
        _ => WordClass.Other,
    };
}
