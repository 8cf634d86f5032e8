using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class SegmentationConventionsTests
{
    private static SegmentedSentence Sentence(int source, params string[] words) =>
        new([.. words.Select(w => w.Split('_'))], source);

    private static string Joined(SegmentedSentence s) => string.Join(' ', s.Words.Select(w => string.Join('_', w)));

    [Fact]
    public void Other_sources_take_the_ud_treebank_segmentation_of_a_span()
    {
        var sentences = new List<SegmentedSentence>
        {
            Sentence(SegmentedCorpus.SourceUd, "người", "dân", "địa_phương"),
            Sentence(SegmentedCorpus.SourceUd, "Người", "dân", "vui"),
            Sentence(SegmentedCorpus.SourceRdr, "người_dân", "đi", "chợ"),
            Sentence(SegmentedCorpus.SourcePyvi, "người_dân", "cũng", "vậy"),
        };

        var result = SegmentationConventions.Harmonize(sentences, SegmentationConventions.Towards.UdTreebank, out var changed);

        Assert.Equal(2, changed);
        Assert.Same(sentences[0], result[0]);
        Assert.Same(sentences[1], result[1]);
        Assert.Equal("người dân đi chợ", Joined(result[2]));
        Assert.Equal("người dân cũng vậy", Joined(result[3]));
        Assert.Equal(SegmentedCorpus.SourceRdr, result[2].Source);
    }

    [Fact]
    public void The_ud_treebank_itself_is_never_changed_towards_itself_and_thin_evidence_changes_nothing()
    {
        var sentences = new List<SegmentedSentence>
        {
            Sentence(SegmentedCorpus.SourceUd, "như", "thế"),
            Sentence(SegmentedCorpus.SourceUd, "như_thế"),
            Sentence(SegmentedCorpus.SourceRdr, "như_thế", "này"),
            Sentence(SegmentedCorpus.SourceUd, "cấp_nước"),
            Sentence(SegmentedCorpus.SourcePyvi, "cấp", "nước"),
        };

        var result = SegmentationConventions.Harmonize(sentences, SegmentationConventions.Towards.UdTreebank, out var changed);

        // "như thế": split once, joined once (no dominant way); "cấp nước": seen once only.
        Assert.Equal(0, changed);
        Assert.Equal(sentences, result);
    }

    [Fact]
    public void A_clear_majority_segmentation_replaces_the_minority_one_in_every_source()
    {
        var sentences = new List<SegmentedSentence>
        {
            Sentence(SegmentedCorpus.SourcePyvi, "thú", "rừng", "quý"),
            Sentence(SegmentedCorpus.SourcePyvi, "săn", "thú", "rừng"),
            Sentence(SegmentedCorpus.SourceRdr, "thú", "rừng"),
            Sentence(SegmentedCorpus.SourceUd, "bắt", "thú_rừng"),
        };

        var result = SegmentationConventions.Harmonize(sentences, SegmentationConventions.Towards.Majority, out var changed);

        Assert.Equal(1, changed);
        Assert.Equal("bắt thú rừng", Joined(result[3]));
        Assert.Same(sentences[0], result[0]);
    }

    [Fact]
    public void Pair_statistics_separate_rates_and_counts()
    {
        Assert.Equal(1, SegmenterFeatures.PairStatOf(1, 0));
        Assert.NotEqual(SegmenterFeatures.PairStatOf(10, 10), SegmenterFeatures.PairStatOf(10, 9));
        Assert.NotEqual(SegmenterFeatures.PairStatOf(2, 2), SegmenterFeatures.PairStatOf(20, 20));
        Assert.NotEqual(SegmenterFeatures.PairStatOf(8, 1), SegmenterFeatures.PairStatOf(8, 3));
        for (var occurrences = 1; occurrences < 50; occurrences++)
        {
            for (var joined = 0; joined <= occurrences; joined++)
            {
                var stat = SegmenterFeatures.PairStatOf(occurrences, joined);
                Assert.InRange(stat, 1, 24);
                Assert.NotEqual(SegmenterFeatures.EdgePair, stat);
            }
        }
    }
}

public class SegmenterPairFeatureTests
{
    [Fact]
    public void The_pair_table_finds_what_was_stored_and_nothing_else()
    {
        var table = new DanVan.Extraction.Learning.PairTable(1000);
        for (uint a = 0; a < 30; a++)
        {
            for (uint b = 0; b < 30; b++)
            {
                if ((a + b) % 3 == 0)
                {
                    table.Set(a, b, (byte)(1 + ((a * b) % 24)));
                }
            }
        }

        Assert.Equal(300, table.Count);
        for (uint a = 0; a < 30; a++)
        {
            for (uint b = 0; b < 30; b++)
            {
                Assert.Equal((a + b) % 3 == 0 ? (byte)(1 + ((a * b) % 24)) : (byte)0, table.Lookup(a, b));
            }
        }

        Assert.Equal(0, table.Lookup(SegmenterFeatures.NumberId, 7));
        Assert.Throws<InvalidOperationException>(() =>
        {
            var small = new DanVan.Extraction.Learning.PairTable(0);
            for (uint k = 0; k < 100; k++)
            {
                small.Set(k, k, 1);
            }
        });
    }

    [Fact]
    public void Tokens_written_together_are_marked_unless_one_is_clause_punctuation()
    {
        const string text = "GD-ĐT nói: Hà Nội. 7/2014";
        var b = new SegmenterBuffers();
        var n = 0;
        foreach (var token in SyllableTokenizer.Tokenize(text))
        {
            b.Tokens[n++] = token;
        }

        b.Count = n;
        SegmenterFeatures.Prepare(text, b, new DanVan.Extraction.Learning.SpanKeyTable(), new DanVan.Extraction.Learning.NgramTable(), new DanVan.Extraction.Learning.NgramTable(), new DanVan.Extraction.Learning.PairTable(0), [], null);
        var glued = new Dictionary<string, byte>();
        for (var i = 0; i < n; i++)
        {
            glued[$"{i}:{b.Tokens[i].ToString(text)}"] = b.Glued[i + SegmenterBuffers.Pad];
        }

        var marked = glued.Where(kv => kv.Value == 1).Select(kv => kv.Key.Split(':', 2)[1]).ToList();
        Assert.Contains("-", marked);
        Assert.Contains("ĐT", marked);
        Assert.DoesNotContain(":", marked);
        Assert.DoesNotContain(".", marked);
        Assert.DoesNotContain("nói", marked);
        Assert.DoesNotContain("Hà", marked);
        Assert.Equal(0, b.Glued[SegmenterBuffers.Pad]);
    }
}
