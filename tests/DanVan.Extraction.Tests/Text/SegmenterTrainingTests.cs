using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class SegmenterTrainingTests
{
    private static readonly Lazy<List<SegmentedSentence>> Dev = new(() => SegmentedCorpus.ReadConllu(RepoPaths.SharedFile("data", "ud-vi-vtb", "vi_vtb-ud-dev.conllu")));

    private static List<SegmentedSentence> SmallTrainingSet() =>
        SegmentedCorpus.ReadConllu(RepoPaths.SharedFile("data", "ud-vi-vtb", "vi_vtb-ud-train.conllu")).GetRange(0, 300);

    [Fact]
    public void Dev_split_f1_reaches_the_target_with_the_embedded_model()
    {
        var score = SegmentationScore.Evaluate(WordSegmenter.Default, Dev.Value);
        Assert.Equal(1123, score.Sentences);
        Assert.True(score.F1 >= SegmenterTargets.DevF1, $"dev F1 {score.F1:F2} (P {score.Precision:F2}, R {score.Recall:F2}) below {SegmenterTargets.DevF1}");
    }

    [Fact]
    public void Training_twice_with_one_seed_gives_identical_bytes()
    {
        var data = SmallTrainingSet();
        var options = new SegmenterTrainingOptions { Seed = 13, Epochs = 2, Bits = 14 };
        var first = SegmenterTrainer.Train(data, options, null);
        var second = SegmenterTrainer.Train(data, options, null);
        Assert.Equal(first, second);
        var other = SegmenterTrainer.Train(data, options with { Seed = 14 }, null);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_trained_model_round_trips_and_segments()
    {
        var model = SegmenterTrainer.Train(SmallTrainingSet(), new SegmenterTrainingOptions { Epochs = 2, Bits = 14 }, null);
        using var stream = new MemoryStream(model);
        var segmenter = new WordSegmenter(SegmenterModel.Read(stream, null, null));
        var score = SegmentationScore.Evaluate(segmenter, Dev.Value.GetRange(0, 100));
        Assert.True(score.F1 > 71.15, "a trained model must beat every-syllable-a-word");
    }

    [Fact]
    public void Damaged_model_files_are_rejected()
    {
        var model = SegmenterTrainer.Train(SmallTrainingSet().GetRange(0, 50), new SegmenterTrainingOptions { Epochs = 1, Bits = 12 }, null);
        Assert.Throws<InvalidDataException>(() => SegmenterModel.Read(new MemoryStream(model[..^3]), null, null));
        Assert.Throws<InvalidDataException>(() => SegmenterModel.Read(new MemoryStream([1, 2, 3]), null, null));
    }

    [Fact]
    public void Dev_filter_drops_sentences_equal_up_to_spaces_underscores_and_case()
    {
        var dev = new List<SegmentedSentence> { new([["Ban", "Dân", "vận"], ["Thị", "ủy"]]) };
        var training = new List<SegmentedSentence>
        {
            new([["ban", "dân"], ["vận", "thị", "ủy"]]),
            new([["Ban_Dân_vận_Thị_ủy"]]),
            new([["Ban", "Dân", "vận"]]),
        };
        var kept = SegmentedCorpus.ExcludeDev(training, dev, out var removed);
        Assert.Equal(2, removed);
        Assert.Single(kept);
        Assert.Same(training[2], kept[0]);
    }

    [Fact]
    public void Training_data_never_contains_a_dev_sentence()
    {
        var training = SegmentedCorpus.ReadTraining(Path.Combine(RepoPaths.Shared, "data"), out var removed);
        Assert.True(removed >= 11, $"only {removed} dev sentences found in the training sources");
        var devKeys = Dev.Value.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(training, s => devKeys.Contains(s.Key));
        Assert.True(training.Count > 14_000);
    }

    [Fact]
    public void Numbers_with_scale_words_percent_signs_and_months_are_joined_for_training()
    {
        var sentence = new SegmentedSentence([["được"], ["10"], ["triệu"], ["đồng"], ["và"], ["1,5"], ["tỷ"], ["tăng"], ["95"], ["%"], ["từ"], ["Tháng"], ["4"], ["tháng"], ["13"]]);
        var joined = SegmentedCorpus.NormalizeNumbers(sentence);
        Assert.Equal(["được", "10 triệu", "đồng", "và", "1,5 tỷ", "tăng", "95 %", "từ", "Tháng 4", "tháng", "13"], joined.Words.Select(w => string.Join(' ', w)));
    }

    [Fact]
    public void Scoring_uses_character_spans_without_whitespace()
    {
        var gold = new SegmentedSentence([["Ban", "Dân", "vận"], ["Thị", "ủy"]]);
        var score = new SegmentationScore();
        score.Add(gold, [new TextSpan(0, 11), new TextSpan(12, 3), new TextSpan(16, 2)]);
        Assert.Equal(2, score.Gold);
        Assert.Equal(3, score.Predicted);
        Assert.Equal(1, score.Correct);
    }
}

/// <summary>The figures the embedded segmenter model must reach.</summary>
internal static class SegmenterTargets
{
    /// <summary>Word F1 on the UD Vietnamese VTB dev split: the target.</summary>
    public const double DevF1 = 97.0;
}
