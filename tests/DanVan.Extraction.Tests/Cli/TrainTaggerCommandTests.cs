using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Cli;

/// <summary><c>danvan train tagger</c>: trains on the corpus train split, writes a loadable model, prints dev figures.</summary>
public class TrainTaggerCommandTests
{
    [Fact]
    public void Writes_a_model_and_prints_the_dev_figures_of_rules_tagger_and_combined()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(null, "train", "tagger", "--corpus", Path.Combine(RepoPaths.Corpus, "articles"), "--out", dir.Path, "--epochs", "2", "--seed", "3");
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("rules only:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("tagger only:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("combined (the default):", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("dev strict F1 after epoch 2", result.StdErr, StringComparison.Ordinal);
        using var stream = File.OpenRead(dir.File("tagger.bin"));
        Assert.Equal(16, EntityTaggerModel.Read(stream).Bits);
    }

    [Fact]
    public void Fails_without_train_split_articles()
    {
        using var dir = new TempDirectory();
        var article = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "articles"), "*.txt").Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains("\nsplit: dev\n", StringComparison.Ordinal)));
        dir.Write("articles/001.txt", article);
        var result = CliRunner.Run(null, "train", "tagger", "--corpus", dir.File("articles"), "--out", dir.File("model"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no train-split articles", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("model/tagger.bin")));
    }
}
