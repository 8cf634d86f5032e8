using System.CommandLine;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan bulk-generate --pages N --seed S --out FILE.warc.gz [--corpus corpus/pages]</c>: a WARC of synthetic
/// portal pages (see <see cref="SyntheticPages"/>) for benchmarking <c>danvan bulk</c>.
/// </summary>
internal static class BulkGenerateCommand
{
    public static Command Create()
    {
        var pages = new Option<int>("--pages") { Description = "Number of pages.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file.", DefaultValueFactory = _ => 7 };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "The labeled portal pages used as templates.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("corpus", "pages")) };
        var outFile = new Option<FileInfo>("--out") { Description = "The WARC to write (.warc or .warc.gz).", Required = true };
        var command = new Command("bulk-generate", "Write a WARC of synthetic portal pages for bulk benchmarks.") { pages, seed, corpus, outFile };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            if (!dir.Exists)
            {
                return CliIO.Fail($"--corpus: no such directory: {dir.FullName}");
            }

            if (parse.GetValue(pages) < 0)
            {
                return CliIO.Fail("--pages must not be negative");
            }

            var generator = SyntheticPages.Load(dir.FullName);
            if (generator.TemplateCount == 0)
            {
                return CliIO.Fail($"--corpus: no usable page templates in {dir.FullName}");
            }

            generator.WriteWarc(parse.GetValue(outFile)!.FullName, parse.GetValue(pages), parse.GetValue(seed));
            return 0;
        });
        return command;
    }
}
