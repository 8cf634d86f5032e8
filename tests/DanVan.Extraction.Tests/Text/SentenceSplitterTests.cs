using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) => [.. SentenceSplitter.ToList(text).Select(s => s.Slice(text).ToString())];

    [Fact]
    public void Splits_at_final_marks_followed_by_a_capital()
    {
        Assert.Equal(
            ["Hội nghị đã thành công.", "Đồng chí Hải phát biểu!", "Ai chủ trì?", "75 lượt công dân."],
            Sentences("Hội nghị đã thành công. Đồng chí Hải phát biểu! Ai chủ trì? 75 lượt công dân."));
    }

    [Theory]
    [InlineData("Hội nghị tại TP. Buôn Ma Thuột có 1.500 người.")]
    [InlineData("Các hội, đoàn thể, v.v. đều tham gia.")]
    [InlineData("Tổng giá trị 1,5 tỷ đồng và 74.000 suất quà.")]
    [InlineData("Bài của K.M và P.V. Thành cùng T/h: H’Loan.")]
    [InlineData("Đồng chí Nguyễn V. Anh dự hội nghị.")]
    [InlineData("Các mô hình... được nhân rộng.")]
    public void Does_not_split_at_abbreviations_decimals_or_initials(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Line_breaks_end_sentences_and_blank_lines_yield_nothing()
    {
        const string text = "Đồng chí X phát biểu tại hội nghị\n\n  Ngày 28/1/2021, hội nghị khai mạc\r\nThanh Trúc";
        Assert.Equal(["Đồng chí X phát biểu tại hội nghị", "Ngày 28/1/2021, hội nghị khai mạc", "Thanh Trúc"], Sentences(text));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Assert.Equal(
            ["Đẩy mạnh phong trào “Dân vận khéo.”", "Tiếp tục thực hiện."],
            Sentences("Đẩy mạnh phong trào “Dân vận khéo.” Tiếp tục thực hiện."));
    }

    [Fact]
    public void Roman_numeral_at_the_end_of_a_sentence_still_ends_it()
    {
        Assert.Equal(["Triển khai nhiệm vụ quý IV.", "Hội nghị bế mạc."], Sentences("Triển khai nhiệm vụ quý IV. Hội nghị bế mạc."));
        Assert.Equal(["Kết quả quý I.", "Ban Dân vận báo cáo."], Sentences("Kết quả quý I. Ban Dân vận báo cáo."));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n \n ")]
    public void Empty_text_has_no_sentences(string text) => Assert.Empty(Sentences(text));

    [Fact]
    public void Sentence_spans_cover_every_token_once()
    {
        const string text = "Quý III/2019, Ban Dân vận đã tiếp 75 lượt. Công tác tôn giáo được quan tâm... Kết luận hội nghị, đồng chí đề nghị: tiếp tục.";
        var tokens = SyllableTokenizer.ToList(text);
        var sentences = SentenceSplitter.ToList(text);
        Assert.Equal(3, sentences.Count);
        foreach (var token in tokens)
        {
            Assert.Single(sentences, s => token.Start >= s.Start && token.End <= s.End);
        }
    }
}
