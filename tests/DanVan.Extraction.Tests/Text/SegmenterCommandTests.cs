using System.Text;
using DanVan.Extraction.Cli;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class SegmenterCommandTests
{
    private static string Run(string input, params FileInfo[] files)
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = SegmentCommand.Execute(WordSegmenter.Default, files, new StringReader(input), output);
        Assert.Equal(0, code);
        return output.ToString();
    }

    /// <summary>Runs the built danvan.dll (beside the tests) as a user does, <paramref name="stdin"/> piped in.</summary>
    private static (int ExitCode, string Output, string Error) Danvan(string stdin, params string[] args)
    {
        var result = CliRunner.Run(stdin, args);
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    [Fact]
    public void The_command_reads_standard_input()
    {
        var (code, output, error) = Danvan("Ban Dân vận Thị ủy tổ chức hội nghị.\n\ncông tác dân vận\n", "segment");
        Assert.True(code == 0, error);
        Assert.Equal("Ban_Dân_vận Thị_ủy tổ_chức hội_nghị .\n\ncông_tác dân_vận\n", output);
    }

    [Fact]
    public void The_command_scores_the_dev_split()
    {
        var dev = RepoPaths.SharedFile("data", "ud-vi-vtb", "vi_vtb-ud-dev.conllu");
        var (code, output, error) = Danvan(string.Empty, "segment", "--eval", dev);
        Assert.True(code == 0, error);
        Assert.Contains("sentences\t1123\n", output, StringComparison.Ordinal);
        Assert.Contains("\nf1\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var (code, _, error) = Danvan(string.Empty, "segment", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt"));
        Assert.Equal(2, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_stdin_and_maps_lines_one_to_one_with_empty_lines_kept()
    {
        var output = Run("Ban Dân vận Thị ủy\n\ncông tác dân vận\n   \nhội nghị giao ban\n");
        Assert.Equal("Ban_Dân_vận Thị_ủy\n\ncông_tác dân_vận\n\nhội_nghị giao_ban\n", output);
    }

    [Fact]
    public void Crlf_input_and_a_last_line_without_newline()
    {
        var output = Run("công tác\r\n\r\ndân vận");
        Assert.Equal("công_tác\n\ndân_vận\n", output);
    }

    [Fact]
    public void Reads_files_in_order()
    {
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        try
        {
            File.WriteAllText(a, "công tác dân vận\n\n");
            File.WriteAllText(b, "Ban Dân vận Thị ủy");
            var output = Run("ignored when files are given", new FileInfo(a), new FileInfo(b));
            Assert.Equal("công_tác dân_vận\n\nBan_Dân_vận Thị_ủy\n", output);
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Eval_prints_precision_recall_and_f1()
    {
        var conllu = Path.GetTempFileName();
        try
        {
            File.WriteAllText(conllu, "# text = x\n1\tBan Dân vận\t_\n2\tThị ủy\t_\n3\ttổ chức\t_\n4\thội nghị\t_\n\n");
            var output = new StringWriter { NewLine = "\n" };
            Assert.Equal(0, SegmentCommand.Evaluate(WordSegmenter.Default, new FileInfo(conllu), output));
            var text = output.ToString();
            Assert.Contains("precision\t100.00", text, StringComparison.Ordinal);
            Assert.Contains("recall\t100.00", text, StringComparison.Ordinal);
            Assert.Contains("f1\t100.00", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(conllu);
        }
    }
}
