using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

/// <summary>The per-read memo of line keys and kinds: scoped to one read, and the same answers as without it.</summary>
public sealed class LineMemoTests
{
    [Fact]
    public void A_scope_holds_the_keys_made_in_it_and_restores_the_outer_memo_when_it_ends()
    {
        Assert.Null(LineMemo.Current);
        using (LineMemo.Begin())
        {
            var outer = LineMemo.Current;
            Assert.NotNull(outer);
            var key = TextClean.Key("Hội nghị giao ban quý I");
            Assert.True(outer.TryGetKey("Hội nghị giao ban quý I", out var memoized));
            Assert.Same(key, memoized);
            using (LineMemo.Begin())
            {
                Assert.NotSame(outer, LineMemo.Current);
                Assert.False(LineMemo.Current!.TryGetKey("Hội nghị giao ban quý I", out _));
            }

            Assert.Same(outer, LineMemo.Current);
        }

        Assert.Null(LineMemo.Current);
    }

    [Theory]
    [InlineData("Trang chủ » Tin tức")]
    [InlineData("Cập nhật lúc: 09:35 18/06/2015")]
    [InlineData("Tin liên quan")]
    [InlineData("Sáng 20/9, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2023.")]
    public void Keys_and_kinds_are_the_same_with_and_without_a_memo(string line)
    {
        var key = TextClean.Key(line);
        var kind = LineClassifier.Classify(line);
        using (LineMemo.Begin())
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(key, TextClean.Key(line));
                Assert.Equal(kind, LineClassifier.Classify(line));
            }
        }
    }
}
