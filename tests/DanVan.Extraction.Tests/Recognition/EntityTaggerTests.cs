using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>
/// The learned person/organization/title tagger: deterministic training, its binary format, the embedded
/// model, and what it adds to the rules. Corpus articles of the train and dev splits only.
/// </summary>
public class EntityTaggerTests
{
    private static readonly DateOnly Published = new(2024, 5, 10);
    private static readonly string[] Types = ["person", "title", "org"];

    private static IReadOnlyList<CorpusArticle> Split(string split) => CorpusArticleReader.ReadDirectory(Path.Combine(RepoPaths.Corpus, "articles"), split);

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var train = Split("train");
        var options = new TaggerTrainingOptions { Epochs = 2, Bits = 14, Seed = 5 };
        var first = EntityTaggerTrainer.Train(train, options);
        var second = EntityTaggerTrainer.Train(train, options);
        var otherSeed = EntityTaggerTrainer.Train(train, options with { Seed = 6 });
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_trained_model_round_trips_through_its_binary_format()
    {
        var bytes = EntityTaggerTrainer.Train(Split("train"), new TaggerTrainingOptions { Epochs = 2, Bits = 14 });
        using var stream = new MemoryStream(bytes);
        var model = EntityTaggerModel.Read(stream);
        Assert.Equal(14, model.Bits);
        Assert.Equal(bytes, EntityTaggerModel.Write(model.Bits, model.Weights));
        Assert.Contains(model.Weights.ToArray(), w => w != 0);

        var damaged = bytes[..^3];
        Assert.Throws<InvalidDataException>(() => EntityTaggerModel.Read(new MemoryStream(damaged)));
    }

    [Fact]
    public void The_embedded_model_loads_and_tags_a_name()
    {
        var model = EntityTaggerModel.Embedded;
        Assert.Equal(7, model.LabelCount);
        Assert.Same(model, EntityTaggerModel.Embedded);
        var view = new TokenView("Dự hội nghị có đồng chí Nguyễn Văn Tâm.", Published);
        var labels = new byte[view.Count];
        model.Tag(view, [], labels);
        var first = view.IndexAt("Dự hội nghị có đồng chí ".Length);
        Assert.Equal([EntityTagFeatures.BPerson, EntityTagFeatures.IPerson, EntityTagFeatures.IPerson, EntityTagFeatures.O], labels[first..]);
    }

    [Theory]
    // Surnames missing from the surname list, with no cue before the name: the rules miss them.
    [InlineData("Chiều 12/3, Giáp Thị Hoa, Phó Chủ tịch Hội LHPN huyện, cho biết toàn huyện đã trao 120 suất quà cho hộ nghèo.", "Giáp Thị Hoa")]
    [InlineData("Tham dự buổi làm việc có Thái Văn Lực, Trưởng Ban Dân vận Huyện ủy.", "Thái Văn Lực")]
    public void The_tagger_finds_a_person_the_rules_miss(string text, string name)
    {
        Assert.DoesNotContain(EntityRecognizer.RulesOnly.Recognize(text, Published).OfType<PersonMention>(), p => p.Name == name);
        Assert.Null(Assert.Single(EntityRecognizer.RulesOnly.Recognize(text, Published).OfType<TitleMention>()).Person);
        var mentions = EntityRecognizer.Default.Recognize(text, Published);
        var person = Assert.Single(mentions.OfType<PersonMention>(), p => p.Name == name);
        Assert.Equal(name, text.Substring(person.Span.Start, person.Span.Length));
        Assert.Equal(name, Assert.Single(mentions.OfType<TitleMention>()).Person);
    }

    [Fact]
    public void On_the_dev_split_the_combined_recognizer_is_at_least_as_good_as_the_rules()
    {
        var dev = Split("dev");
        var rules = EntityEvaluation.Evaluate(EntityRecognizer.RulesOnly, dev, Types);
        var combined = EntityEvaluation.Evaluate(EntityRecognizer.Default, dev, Types);
        foreach (var type in Types)
        {
            Assert.True(combined[type].StrictF1 >= rules[type].StrictF1, $"{type}: combined {combined[type].StrictF1:F3} < rules {rules[type].StrictF1:F3}");
            Assert.True(combined[type].ValueCorrect >= rules[type].ValueCorrect, $"{type}: fewer correct values than the rules");
        }
    }
}
