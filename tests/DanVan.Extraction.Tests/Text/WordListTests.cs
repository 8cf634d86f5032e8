using DanVan.Extraction.Learning;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>The segmenter's hand-written general word list: well-formed data, and matched by the features.</summary>
public class WordListTests
{
    private static List<string> EmbeddedLines()
    {
        using var reader = new StreamReader(ModelCatalog.Open(ModelCatalog.SegmenterWordList));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void Every_line_is_one_normalized_word_of_two_to_six_syllables_listed_once()
    {
        var lines = EmbeddedLines();
        Assert.True(lines.Count >= 5000, $"only {lines.Count} words");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var line in lines)
        {
            var syllables = 0;
            var allSyllables = true;
            foreach (var token in SyllableTokenizer.Tokenize(line))
            {
                syllables++;
                allSyllables &= token.Kind == TokenKind.Syllable;
            }

            if (!allSyllables || syllables is < 2 or > SegmenterFeatures.MaxWordLength)
            {
                problems.Add($"not 2–6 syllables: '{line}'");
            }

            if (TextNormalizer.Default.Normalize(line).Text != line || line.Contains("  ", StringComparison.Ordinal))
            {
                problems.Add($"not normalized (NFC, new-style tone marks, single spaces): '{line}'");
            }

            if (!seen.Add(line))
            {
                problems.Add($"listed twice: '{line}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Listed_words_are_matched_even_when_their_syllables_were_never_seen_in_training()
    {
        var vocabulary = new SpanKeyTable();
        vocabulary.Add("đá", SegmenterFeatures.VietnameseSpelling);
        var list = SegmenterModel.ReadWords(new StringReader("# comment\nnhũ đá\nhang động\n\nđá\n"), vocabulary, null);

        const string Text = "những nhũ đá trong hang động";
        var b = new SegmenterBuffers();
        var count = 0;
        foreach (var token in SyllableTokenizer.Tokenize(Text))
        {
            b.EnsureTokens(count + 1);
            b.Tokens[count++] = token;
        }

        b.Count = count;
        SegmenterFeatures.Prepare(Text, b, vocabulary, new NgramTable(), list, new PairTable(0), [], null);
        const int P = SegmenterBuffers.Pad;

        // "nhũ đá" starts at token 1, "hang động" at token 4; the one-syllable line is not a word of the list.
        Assert.Equal([0, 2, 0, 0, 2, 0], b.ListStart.AsSpan(P, count).ToArray());
        Assert.Equal([0, 0, 2, 0, 0, 2], b.ListCover.AsSpan(P, count).ToArray());

        // Forward maximum matching over the list: 1 begins a listed word, 2 continues it.
        Assert.Equal([0, 1, 2, 0, 1, 2], b.ListMatched.AsSpan(P, count).ToArray());
        Assert.Equal(b.Ids[P + 2], (uint)SyllableKey.Find(vocabulary, "đá"));
    }
}
