using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Syndicate.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles against the library, as it would in a new console project
/// (<c>dotnet new console</c>, with its implicit usings) that references Syndicate: a sample that a reader copies has to
/// build. Failures name the README line of each error.
/// </summary>
public sealed class ReadmeExampleTests
{
    // The global usings the SDK adds to a console project (ImplicitUsings for Microsoft.NET.Sdk).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    public static TheoryData<int> BlockLines()
    {
        var data = new TheoryData<int>();
        foreach ((int line, _) in CSharpBlocks())
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void Readme_HasCSharpExamples() => Assert.NotEmpty(CSharpBlocks());

    [Theory]
    [MemberData(nameof(BlockLines))]
    public void CSharpBlock_Compiles(int firstLine)
    {
        string code = CSharpBlocks().Single(b => b.FirstLine == firstLine).Code;
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ReadmeExample" + firstLine,
            [
                CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "README.md"),
                CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "ImplicitUsings.cs"),
            ],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var output = new MemoryStream();
        var errors = compilation.Emit(output).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.WarningLevel <= 1))
            .Select(d => d.Location.IsInSource && d.Location.SourceTree?.FilePath == "README.md"
                ? $"README.md:{firstLine + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage()}"
                : $"README.md block at line {firstLine}: {d}")
            .ToList();

        Assert.True(errors.Count == 0, $"the C# block at README.md line {firstLine} does not compile:\n" + string.Join('\n', errors));
    }

    /// <summary>The code of every <c>```csharp</c> fence and the README line of its first code line.</summary>
    private static List<(int FirstLine, string Code)> CSharpBlocks()
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestData.RepoRoot, "README.md"), Encoding.UTF8);
        var blocks = new List<(int, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() is not ("```csharp" or "```cs" or "```c#"))
            {
                continue;
            }

            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            blocks.Add((start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }

        return blocks;
    }

    /// <summary>The running framework's assemblies (the test host's trusted platform assemblies) and the library.</summary>
    private static MetadataReference[] LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Extensions.Logging.Abstractions.dll")
            .Append(typeof(SyndicationEngine).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }
}
