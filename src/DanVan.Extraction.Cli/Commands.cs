using System.CommandLine;

namespace DanVan.Extraction.Cli;

/// <summary>The subcommands of <c>danvan</c>, one file each.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All()
    {
        yield return TokenizeCommand.Create();
        yield return SegmentCommand.Create();
        yield return TrainCommand.Create();
        yield return ReadCommand.Create();
        yield return ExtractCommand.Create();
        yield return EvalCommand.Create();
        yield return BulkCommand.Create();
        yield return BulkGenerateCommand.Create();
    }
}
