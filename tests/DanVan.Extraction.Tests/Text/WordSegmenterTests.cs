using System.Text;
using DanVan.Extraction.Cli;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class WordSegmenterTests
{
    private static string Segmented(string line)
    {
        var output = new StringWriter { NewLine = "\n" };
        WordSegmenter.Default.WriteSegmented(line, output);
        return output.ToString();
    }

    private static void AssertWellFormed(string text, IReadOnlyList<TextSpan> words)
    {
        var tokens = SyllableTokenizer.ToList(text);
        var previousEnd = 0;
        var t = 0;
        foreach (var word in words)
        {
            Assert.True(word.Start >= previousEnd, "words overlap or go backwards");
            Assert.True(word.Length > 0);
            Assert.True(word.End <= text.Length);

            // A word starts at a token start and ends at a token end.
            while (t < tokens.Count && tokens[t].Start < word.Start)
            {
                t++;
            }

            Assert.True(t < tokens.Count && tokens[t].Start == word.Start, "word does not start at a token");
            while (t < tokens.Count && tokens[t].End < word.End)
            {
                t++;
            }

            Assert.True(t < tokens.Count && tokens[t].End == word.End, "word does not end at a token");
            previousEnd = word.End;
        }

        // Every token is in some word.
        Assert.Equal(tokens.Count == 0, words.Count == 0);
        if (tokens.Count > 0)
        {
            Assert.Equal(tokens[0].Start, words[0].Start);
            Assert.Equal(tokens[^1].End, words[^1].End);
        }
    }

    [Theory]
    [InlineData("Sáng nay, Ban Dân vận Thị ủy tổ chức hội nghị giao ban công tác dân vận quý III.", "Ban_Dân_vận Thị_ủy")]
    [InlineData("Ban Dân vận Huyện ủy vừa sơ kết phong trào thi đua dân vận khéo.", "Ban_Dân_vận Huyện_ủy")]
    [InlineData("Các đồng chí trong Ban Thường vụ đã dự buổi tổng kết công tác năm.", "tổng_kết công_tác")]
    [InlineData("Ủy ban Mặt trận Tổ quốc xã phối hợp với Hội Liên hiệp Phụ nữ làm tốt công tác dân vận.", "công_tác dân_vận")]
    [InlineData("Hội Liên hiệp Phụ nữ thị xã trao quà cho hộ nghèo.", "Hội_Liên_hiệp_Phụ_nữ")]
    public void Domain_words_are_kept_whole(string sentence, string expected)
    {
        Assert.Contains(expected, Segmented(sentence), StringComparison.Ordinal);
    }

    [Fact]
    public void Old_and_new_tone_mark_styles_segment_alike()
    {
        Assert.Contains("Thị_uỷ", Segmented("Ban Dân vận Thị uỷ tổ chức hội nghị."), StringComparison.Ordinal);
        Assert.Equal(
            Segmented("Đồng chí Bí thư Thị ủy phát biểu chỉ đạo hội nghị.").Replace("ủy", "uỷ", StringComparison.Ordinal),
            Segmented("Đồng chí Bí thư Thị uỷ phát biểu chỉ đạo hội nghị."));
    }

    [Fact]
    public void Common_words_and_names_are_grouped()
    {
        var output = Segmented("Đồng chí Nguyễn Văn Hùng phát biểu tại hội nghị ở thành phố Đồng Xoài.");
        Assert.Contains("Nguyễn_Văn_Hùng", output, StringComparison.Ordinal);
        Assert.Contains("phát_biểu", output, StringComparison.Ordinal);
        Assert.Contains("hội_nghị", output, StringComparison.Ordinal);
        Assert.Contains("Đồng_Xoài", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_numbers_and_scale_words()
    {
        var output = Segmented("Hội đã vận động được 10 triệu đồng, giúp 74.000 hộ (đạt 100%).");
        Assert.Contains("10_triệu", output, StringComparison.Ordinal);
        Assert.Contains(" 74.000 ", output, StringComparison.Ordinal);
        Assert.Contains(" , ", output, StringComparison.Ordinal);
        Assert.EndsWith(" .", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_written_together_are_one_word_unless_clause_punctuation_or_a_slash_between_words()
    {
        // Glued tokens stay as written (no '_'); clause punctuation is set apart.
        Assert.Equal("Sở GD-ĐT tỉnh phòng_chống Covid-19 từ 7/2014 , ông G. Bảo nói :", Segmented("Sở GD-ĐT tỉnh phòng chống Covid-19 từ 7/2014, ông G. Bảo nói:"));

        // "đồng/căn": the currency ends its word, the slash is not forced into it.
        Assert.Contains(" đồng /", Segmented("Mức hỗ trợ 50 triệu đồng/căn."), StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_are_offsets_into_the_given_text()
    {
        const string text = "  Ban Dân vận\tThị ủy\n\ntổ chức hội nghị . ";
        var words = WordSegmenter.Default.Segment(text);
        AssertWellFormed(text, words);
        Assert.Equal("Ban Dân vận", words[0].Slice(text).ToString());
        Assert.Equal("Thị ủy", words[1].Slice(text).ToString());
    }

    [Fact]
    public void A_word_never_spans_a_line_break()
    {
        const string text = "công\ntác dân\r\nvận";
        var words = WordSegmenter.Default.Segment(text);
        Assert.Equal(4, words.Count);
    }

    [Fact]
    public void Segment_appends_to_the_callers_list_and_reuses_it()
    {
        var words = new List<TextSpan> { new(0, 1) };
        WordSegmenter.Default.Segment("công tác dân vận", words);
        Assert.Equal(3, words.Count);
        Assert.Equal(new TextSpan(0, 1), words[0]);
    }

    [Fact]
    public void Tagger_interface_gives_one_label_per_token()
    {
        const string text = "Ban Dân vận Thị ủy";
        var tokens = SyllableTokenizer.ToList(text).ToArray();
        var labels = new byte[tokens.Length];
        var tagger = WordSegmenter.Default.Model;
        tagger.Tag(text, tokens, labels);
        Assert.Equal(2, tagger.LabelCount);
        Assert.Equal([SegmenterFeatures.TagB, SegmenterFeatures.TagI, SegmenterFeatures.TagI, SegmenterFeatures.TagB, SegmenterFeatures.TagI], labels);
        Assert.Throws<ArgumentException>(() => tagger.Tag(text, tokens, new byte[1]));
    }

    [Fact]
    public void Segmenting_from_many_threads_gives_the_same_result()
    {
        const string text = "Ban Dân vận Thị ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.";
        var expected = WordSegmenter.Default.Segment(text);
        Parallel.For(0, 64, _ => Assert.Equal(expected, WordSegmenter.Default.Segment(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("...,;:!?()\"'-–—")]
    [InlineData("\uD800 lone \uDC00 surrogates \uD83D")]
    [InlineData("\u0000\u0001\u0002\uFFFF\uFFFE\u200B\u00AD\uE000 nhị phân")]
    [InlineData("Thi\u0323 u\u0309y và Thị ủy")]
    [InlineData("Ðảng ủy xã ÐẠI HỘI")]
    public void Bad_input_gives_well_formed_words(string text)
    {
        var words = WordSegmenter.Default.Segment(text);
        AssertWellFormed(text, words);
        var output = new StringWriter();
        WordSegmenter.Default.WriteSegmented(text, output);
    }

    [Fact]
    public void Empty_and_punctuation_only_inputs()
    {
        Assert.Empty(WordSegmenter.Default.Segment(string.Empty));
        Assert.Equal(new[] { "(", ".", ")" }, WordSegmenter.Default.Segment("( . )").Select(w => w.Slice("( . )").ToString()));
    }

    [Fact]
    public void Decomposed_text_segments_like_composed_text()
    {
        const string composed = "Ban Dân vận Thị ủy tổ chức hội nghị tổng kết công tác dân vận.";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        var a = Segmented(composed);
        var b = Segmented(decomposed).Normalize(NormalizationForm.FormC);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_ten_megabyte_single_line_is_segmented()
    {
        var builder = new StringBuilder(10 * 1024 * 1024 + 100);
        const string sentence = "Ban Dân vận Thị ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023, ";
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(sentence);
        }

        var text = builder.ToString();
        var words = new List<TextSpan>();
        WordSegmenter.Default.Segment(text, words);
        Assert.True(words.Count > 1_000_000);
        Assert.Equal(SyllableTokenizer.Count(text) > 0, words.Count > 0);
        Assert.Equal(text.TrimEnd().Length, words[^1].End);
        Assert.Equal("Ban Dân vận", words[0].Slice(text).ToString());

        // The same 10 MB of letters with no space or punctuation at all: one token, one word.
        var solid = new string('a', 10 * 1024 * 1024);
        Assert.Single(WordSegmenter.Default.Segment(solid));
    }

    [Fact]
    public void Cancellation_is_honoured_on_long_input()
    {
        var text = string.Concat(Enumerable.Repeat("công tác dân vận ", 200_000));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => WordSegmenter.Default.Segment(text, new List<TextSpan>(), cancel.Token));
    }
}

public class WordSegmenterAllocationTests
{
    [Fact]
    public void Segmenting_again_into_the_same_list_allocates_nothing()
    {
        var text = string.Join('\n', Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "articles"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var words = new List<TextSpan>();
        WordSegmenter.Default.Segment(text, words);
        words.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        WordSegmenter.Default.Segment(text, words);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
