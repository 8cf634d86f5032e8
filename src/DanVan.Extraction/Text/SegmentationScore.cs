namespace DanVan.Extraction.Text;

/// <summary>
/// Word precision, recall and F1 against gold segmentations, scored on character spans of the text with
/// whitespace removed, so a tokenization difference costs only the words it really changes.
/// </summary>
internal sealed class SegmentationScore
{
    public long Gold { get; private set; }

    public long Predicted { get; private set; }

    public long Correct { get; private set; }

    public int Sentences { get; private set; }

    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Segments each sentence's plain text with <paramref name="segmenter"/> and scores it.</summary>
    public static SegmentationScore Evaluate(IWordSegmenter segmenter, IEnumerable<SegmentedSentence> gold)
    {
        var score = new SegmentationScore();
        var words = new List<TextSpan>();
        foreach (var sentence in gold)
        {
            words.Clear();
            segmenter.Segment(sentence.Text, words);
            score.Add(sentence, words);
        }

        return score;
    }

    /// <summary>Scores predicted word spans (offsets into <see cref="SegmentedSentence.Text"/>) against the sentence's words.</summary>
    public void Add(SegmentedSentence sentence, IReadOnlyList<TextSpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(predicted);
        var text = sentence.Text;
        var before = new int[text.Length + 1];
        for (var k = 0; k < text.Length; k++)
        {
            before[k + 1] = before[k] + (CharClass.IsSpaceLike(text[k]) ? 0 : 1);
        }

        var goldSpans = new HashSet<(int, int)>();
        var starts = sentence.WordStarts;
        for (var w = 0; w < starts.Length; w++)
        {
            var end = w + 1 < starts.Length ? starts[w + 1] : text.Length;
            var span = (before[starts[w]], before[end]);
            if (span.Item2 > span.Item1)
            {
                goldSpans.Add(span);
            }
        }

        var correct = 0;
        var count = 0;
        foreach (var p in predicted)
        {
            var span = (before[p.Start], before[p.End]);
            if (span.Item2 <= span.Item1)
            {
                continue;
            }

            count++;
            if (goldSpans.Contains(span))
            {
                correct++;
            }
        }

        Gold += goldSpans.Count;
        Predicted += count;
        Correct += correct;
        Sentences++;
    }
}
