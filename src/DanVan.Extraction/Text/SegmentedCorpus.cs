using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>One word-segmented sentence: its words, each a list of syllables.</summary>
internal sealed class SegmentedSentence
{
    public SegmentedSentence(string[][] words, int source = 0)
    {
        Words = words;
        Source = source;
        var text = new StringBuilder();
        var starts = new int[words.Length];
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                text.Append(' ');
            }

            starts[w] = text.Length;
            text.AppendJoin(' ', words[w]);
        }

        Text = text.ToString();
        WordStarts = starts;
    }

    /// <summary>Which corpus the sentence comes from (<see cref="SegmentedCorpus.SourceUd"/> …).</summary>
    public int Source { get; }

    /// <summary>The words; a word is its syllables as written in the data.</summary>
    public string[][] Words { get; }

    /// <summary>The sentence as plain text: syllables joined by single spaces (what a user would feed in).</summary>
    public string Text { get; }

    /// <summary>Where each word starts in <see cref="Text"/>.</summary>
    public int[] WordStarts { get; }

    /// <summary>
    /// The text with whitespace and '_' removed, lowercased: two sentences with equal keys are the same
    /// sentence however they were segmented.
    /// </summary>
    public string Key => MatchKey(Text);

    public static string MatchKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c != '_' && !CharClass.IsSpaceLike(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Readers for the word-segmented training data in <c>../shared/data</c>: the UD Vietnamese VTB
/// CoNLL-U files (FORM = one word, syllables separated by spaces), pyvi's <c>vtb.txt</c>
/// ("word/POS" tokens, syllables joined by '_') and RDRsegmenter's <c>Train_gold.txt</c>
/// (syllables joined by '_').
/// </summary>
internal static class SegmentedCorpus
{
    public const string UdTrain = "ud-vi-vtb/vi_vtb-ud-train.conllu";
    public const string UdDev = "ud-vi-vtb/vi_vtb-ud-dev.conllu";
    public const string Pyvi = "pyvi-vtb/vtb.txt";
    public const string Rdr = "rdrsegmenter-train/Train_gold.txt";

    public const int SourceUd = 0;
    public const int SourcePyvi = 1;
    public const int SourceRdr = 2;

    private static readonly string[] ScaleWords = ["triệu", "tỷ", "tỉ", "nghìn", "ngàn"];

    /// <summary>Reads the sentences of a CoNLL-U file (word lines only; multi-word ranges and empty nodes skipped).</summary>
    public static List<SegmentedSentence> ReadConllu(string path) => ReadConllu(path, SourceUd);

    private static List<SegmentedSentence> ReadConllu(string path, int source)
    {
        var sentences = new List<SegmentedSentence>();
        var words = new List<string[]>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                Flush(words, sentences, source);
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var id = line.AsSpan(0, tab);
            if (id.Contains('-') || id.Contains('.'))
            {
                continue;
            }

            var formEnd = line.IndexOf('\t', tab + 1);
            var form = formEnd < 0 ? line[(tab + 1)..] : line[(tab + 1)..formEnd];
            AddWord(words, form.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        Flush(words, sentences, source);
        return sentences;
    }

    /// <summary>Reads "word/POS" lines (pyvi), syllables of a word joined by '_'.</summary>
    public static List<SegmentedSentence> ReadTagged(string path) => ReadUnderscored(path, tagged: true, SourcePyvi);

    /// <summary>Reads lines of words, syllables of a word joined by '_' (RDRsegmenter).</summary>
    public static List<SegmentedSentence> ReadUnderscored(string path) => ReadUnderscored(path, tagged: false, SourceRdr);

    /// <summary>
    /// All training sentences under <paramref name="dataDirectory"/> (UD train, pyvi, RDRsegmenter), minus
    /// every sentence whose text is also a dev sentence. <paramref name="removed"/> counts those.
    /// </summary>
    public static List<SegmentedSentence> ReadTraining(string dataDirectory, out int removed)
    {
        var all = new List<SegmentedSentence>();
        all.AddRange(ReadConllu(Path.Combine(dataDirectory, UdTrain)));

        all.AddRange(ReadTagged(Path.Combine(dataDirectory, Pyvi)));
        all.AddRange(ReadUnderscored(Path.Combine(dataDirectory, Rdr)));
        var dev = ReadConllu(Path.Combine(dataDirectory, UdDev));
        return ExcludeDev(all, dev, out removed);
    }

    /// <summary>The sentences of <paramref name="training"/> whose text is not the text of any <paramref name="dev"/> sentence.</summary>
    public static List<SegmentedSentence> ExcludeDev(IReadOnlyList<SegmentedSentence> training, IReadOnlyList<SegmentedSentence> dev, out int removed)
    {
        var devKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in dev)
        {
            devKeys.Add(s.Key);
        }

        var kept = new List<SegmentedSentence>(training.Count);
        removed = 0;
        foreach (var s in training)
        {
            if (devKeys.Contains(s.Key))
            {
                removed++;
            }
            else
            {
                kept.Add(s);
            }
        }

        return kept;
    }

    /// <summary>
    /// Brings the number conventions of the training sources to those of the treebank's dev split: a
    /// number and its scale word are one word ("10 triệu", "1,5 tỷ"), so are a number and its percent
    /// sign ("95 %") and a month name ("tháng 4"); the training sources mostly split them.
    /// </summary>
    public static SegmentedSentence NormalizeNumbers(SegmentedSentence sentence)
    {
        var words = sentence.Words;
        List<string[]>? joined = null;
        for (var w = 0; w < words.Length; w++)
        {
            var next = w + 1 < words.Length ? words[w + 1] : null;
            if (next is not null && next.Length == 1
                && ((IsNumber(words[w]) && (IsScaleWord(next[0]) || next[0] == "%"))
                    || (words[w].Length == 1 && words[w][0].Equals("tháng", StringComparison.OrdinalIgnoreCase) && IsMonthNumber(next[0]))))
            {
                joined ??= [.. words.AsSpan(0, w).ToArray()];
                joined.Add([.. words[w], next[0]]);
                w++;
                continue;
            }

            joined?.Add(words[w]);
        }

        return joined is null ? sentence : new SegmentedSentence([.. joined], sentence.Source);
    }

    private static bool IsMonthNumber(string syllable) =>
        int.TryParse(syllable, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12;

    private static bool IsNumber(string[] word)
    {
        if (word.Length != 1 || word[0].Length == 0 || !CharClass.IsDigit(word[0][0]))
        {
            return false;
        }

        foreach (var c in word[0])
        {
            if (!CharClass.IsDigit(c) && c is not ('.' or ','))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScaleWord(string syllable)
    {
        foreach (var s in ScaleWords)
        {
            if (syllable.Equals(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<SegmentedSentence> ReadUnderscored(string path, bool tagged, int source)
    {
        var sentences = new List<SegmentedSentence>();
        var words = new List<string[]>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            foreach (var raw in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw;
                if (tagged)
                {
                    var slash = raw.LastIndexOf('/');
                    if (slash > 0)
                    {
                        word = raw[..slash];
                    }
                }

                // A lone "_" is a token, not a joiner.
                var syllables = word == "_" ? [word] : word.Split('_', StringSplitOptions.RemoveEmptyEntries);
                AddWord(words, syllables);
            }

            Flush(words, sentences, source);
        }

        return sentences;
    }

    private static void AddWord(List<string[]> words, string[] syllables)
    {
        if (syllables.Length > 0)
        {
            words.Add(syllables);
        }
    }

    private static void Flush(List<string[]> words, List<SegmentedSentence> sentences, int source)
    {
        if (words.Count > 0)
        {
            sentences.Add(new SegmentedSentence([.. words], source));
            words.Clear();
        }
    }
}
