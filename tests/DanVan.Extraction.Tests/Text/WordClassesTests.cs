using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class WordClassesTests
{
    private static WordClasses TrainOn(string lines, int minCount, out string table)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WordClasses.Train(new StringReader(lines), writer, minCount);
        table = writer.ToString();
        return WordClasses.Read(new StringReader(table));
    }

    [Fact]
    public void Counts_the_most_frequent_class_per_word_and_looks_words_up_in_any_case_and_tone_style()
    {
        var classes = TrainOn(
            "Hội_viên/N tham_gia/V hoà_giải/V ./.\nhội_viên/N tham_gia/N tham_gia/V nghèo/A 12/M\n",
            minCount: 1,
            out _);
        Assert.Equal(WordClass.Noun, classes.Of("hội viên"));
        Assert.Equal(WordClass.Verb, classes.Of("Tham gia"));
        Assert.Equal(WordClass.Verb, classes.Of("hòa giải"));
        Assert.Equal(WordClass.Adjective, classes.Of("NGHÈO"));
        Assert.Equal(WordClass.Unknown, classes.Of("12"));
        Assert.Equal(WordClass.Unknown, classes.Of("cử tri"));
    }

    [Fact]
    public void Leaves_out_rare_words_and_writes_the_same_table_for_the_same_data()
    {
        const string Lines = "hộ/N nghèo/A hộ/N\n";
        var classes = TrainOn(Lines, minCount: 2, out var first);
        TrainOn(Lines, minCount: 2, out var second);
        Assert.Equal(first, second);
        Assert.Equal(WordClass.Noun, classes.Of("hộ"));
        Assert.Equal(WordClass.Unknown, classes.Of("nghèo"));
    }

    [Fact]
    public void The_embedded_table_is_the_one_the_training_command_writes_from_the_shared_data()
    {
        var source = Path.Combine(RepoPaths.Shared, "data", SegmentedCorpus.Pyvi);
        using var reader = new StreamReader(source);
        using var writer = new StringWriter { NewLine = "\n" };
        WordClasses.Train(reader, writer, 1);
        using var stream = new StreamReader(ModelCatalog.Open(ModelCatalog.WordClasses));
        var embedded = stream.ReadToEnd();
        Assert.Equal(writer.ToString(), embedded);
        Assert.Equal(WordClass.Verb, WordClasses.Default.Of("tham gia"));
        Assert.Equal(WordClass.Noun, WordClasses.Default.Of("phụ nữ"));
    }
}
