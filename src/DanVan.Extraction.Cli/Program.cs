using System.CommandLine;
using DanVan.Extraction.Cli;

var root = new RootCommand("danvan — structured meeting records from Vietnamese dân vận news articles.");
foreach (var command in Commands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
