using System.Text;

namespace DanVan.Extraction.Cli;

/// <summary>Console plumbing shared by the commands: UTF-8 in and out, inputs from files or stdin.</summary>
internal static class CliIO
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static TextWriter StdOut()
    {
        var writer = new StreamWriter(Console.OpenStandardOutput(), Utf8NoBom, bufferSize: 1 << 16) { AutoFlush = false, NewLine = "\n" };
        return writer;
    }

    public static TextReader OpenInput(FileInfo? file) =>
        file is null
            ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16)
            : new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });

    public static int Fail(string message)
    {
        Console.Error.WriteLine("danvan: " + message);
        return 2;
    }
}
