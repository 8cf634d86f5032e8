using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace DanVan.Extraction.Tests.Packaging;

/// <summary>
/// As a user installs them: packs the library and the tool into a folder, builds a fresh console project
/// from the README's "Use it from your code" snippet against that folder as a package source, runs it on a
/// seed article from ../shared/seeds, and installs the danvan tool from the same folder and runs it on a page
/// of corpus/pages.
/// </summary>
public class PackageTests
{
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [Fact]
    public void Packages_install_and_run_as_a_user_would()
    {
        var work = Directory.CreateTempSubdirectory("danvan-pack-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var project in new[] { "src/DanVan.Extraction/DanVan.Extraction.csproj", "src/DanVan.Extraction.Cli/DanVan.Extraction.Cli.csproj" })
            {
                Run(RepoPaths.Root, "dotnet", "pack", Path.Combine(RepoPaths.Root, project), "-c", Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}");
            }

            CheckLibraryPackage(Path.Combine(feed, $"DanVan.Extraction.{version}.nupkg"));
            Assert.True(File.Exists(Path.Combine(feed, $"DanVan.Extraction.{version}.snupkg")), "symbols package");

            // A fresh console project whose Program.cs is the README snippet, reading a page from the corpus.
            var app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  <ItemGroup><PackageReference Include="DanVan.Extraction" Version="{version}" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><add key="local" value="{feed}" /></packageSources></configuration>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeSnippet());
            Run(app, "dotnet", "restore", "--packages", Path.Combine(work, "packages"));
            var seed = RepoPaths.SeedFiles().Single(f => Path.GetFileName(f).StartsWith("002", StringComparison.Ordinal));
            var output = Run(app, "dotnet", "run", "--no-restore", "-c", "Release", "--", seed);
            Assert.Contains("giao ban 2023-09-20", output, StringComparison.Ordinal);
            Assert.Contains("113 mô hình: \"113 mô hình\"", output, StringComparison.Ordinal);
            Assert.Contains(seed + ": record", output, StringComparison.Ordinal);

            // The tool, installed from the same folder.
            var tools = Path.Combine(work, "tools");
            Run(work, "dotnet", "tool", "install", "DanVan.Extraction.Cli", "--version", version, "--tool-path", tools, "--add-source", feed);
            var record = Run(RepoPaths.Root, Path.Combine(tools, "danvan"), "extract", Path.Combine(RepoPaths.Corpus, "pages", "joomla", "003.html"), "--format", "jsonl");
            using var json = JsonDocument.Parse(record);
            Assert.Equal("sơ kết", json.RootElement.GetProperty("meeting").GetProperty("kind").GetString());
            Assert.Equal("tcvn3", json.RootElement.GetProperty("source").GetProperty("encoding").GetString());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The C# block of the README's "Use it from your code" section, exactly as written there.</summary>
    private static string ReadmeSnippet()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme.IndexOf("## Use it from your code", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no 'Use it from your code' section");
        var start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    private static void CheckLibraryPackage(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/DanVan.Extraction.dll", names);
            Assert.Contains($"lib/{tfm}/DanVan.Extraction.xml", names);
        }

        Assert.Contains("README.md", names);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var text = reader.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", text, StringComparison.Ordinal);

        // The trained models travel inside the library.
        using var dll = new MemoryStream();
        using (var entry = zip.GetEntry("lib/net8.0/DanVan.Extraction.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        var bytes = Encoding.UTF8.GetString(dll.ToArray());
        Assert.Contains("DanVan.Extraction.Models.segmenter/segmenter.bin", bytes, StringComparison.Ordinal);
        Assert.Contains("DanVan.Extraction.Models.lexicons/surnames.txt", bytes, StringComparison.Ordinal);
    }

    private static string Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }

        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
