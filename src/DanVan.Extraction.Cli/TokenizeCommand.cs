using System.CommandLine;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Cli;

/// <summary><c>danvan tokenize [FILE]</c>: one token a line — offsets, kind, text — for looking at what the tokenizer does.</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "UTF-8 text file (standard input when absent).", Arity = ArgumentArity.ZeroOrOne };
        var normalize = new Option<bool>("--normalize") { Description = "Normalize the text first (offsets still refer to the original)." };
        var command = new Command("tokenize", "Print the syllable tokens of a text, one a line: start, length, kind, text.") { file, normalize };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file);
            if (input is not null && !input.Exists)
            {
                return CliIO.Fail($"no such file: {input.FullName}");
            }

            string text;
            using (var reader = CliIO.OpenInput(input))
            {
                text = reader.ReadToEnd();
            }

            using var output = CliIO.StdOut();
            if (parse.GetValue(normalize))
            {
                var normalized = TextNormalizer.Default.Normalize(text);
                foreach (var token in SyllableTokenizer.Tokenize(normalized.Text))
                {
                    var original = normalized.ToOriginal(new TextSpan(token.Start, token.Length));
                    output.WriteLine($"{original.Start}\t{original.Length}\t{token.Kind}\t{token.ToString(normalized.Text)}");
                }
            }
            else
            {
                foreach (var token in SyllableTokenizer.Tokenize(text))
                {
                    output.WriteLine($"{token.Start}\t{token.Length}\t{token.Kind}\t{token.ToString(text)}");
                }
            }

            return 0;
        });
        return command;
    }
}
