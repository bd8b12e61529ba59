using System.Diagnostics;
using System.Runtime.InteropServices;
using Syndicate.Tests.Cli.EndToEnd;
using Syndicate.Tests.Cli.Evaluation;

namespace Syndicate.Tests.Cli.Native;

/// <summary>
/// The README's native build: <c>dotnet publish src/Syndicate.Cli -c Release -r linux-x64</c> compiles the CLI ahead of
/// time into an executable called <c>syndicate</c>, with no trimming or AOT warning, and it answers exactly as the
/// managed CLI does. Needs <c>clang</c> (and zlib's headers) on Linux x64; skipped elsewhere.
/// </summary>
public sealed class NativeBuildTests
{
    [NativeToolchainFact]
    public void The_published_native_executable_builds_without_warnings_and_answers_as_the_managed_cli()
    {
        string output = Path.Combine(Path.GetTempPath(), "syndicate-native-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int exit, string log) = Run(SyndicateCli.DotnetHost(), RepositoryPaths.Root,
                "publish", Path.Combine("src", "Syndicate.Cli"), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-clp:NoSummary");
            Assert.True(exit == 0, log);
            Assert.DoesNotContain("warning", log, StringComparison.OrdinalIgnoreCase);

            string native = Path.Combine(output, "syndicate");
            Assert.True(File.Exists(native), $"no {native}: {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");

            string sample = Path.Combine(RepositoryPaths.Root, "fixtures", "synthetic", "corpus.jsonl");
            (int nativeExit, string nativeOut) = Run(native, RepositoryPaths.Root, "cluster", sample, "--format", "jsonl");
            CliResult managed = SyndicateCli.Run("cluster", sample, "--format", "jsonl").Expect(0);
            Assert.Equal(0, nativeExit);
            Assert.Equal(managed.Stdout, nativeOut);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static (int Exit, string Output) Run(string program, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Skips unless this is Linux x64 with <c>clang</c> and zlib's headers, which the native linker needs.</summary>
    private sealed class NativeToolchainFactAttribute : FactAttribute
    {
        public NativeToolchainFactAttribute()
        {
            if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            {
                Skip = "the native build is checked on Linux x64";
            }
            else if (!OnPath("clang"))
            {
                Skip = "needs clang for the native build (apt-get install clang zlib1g-dev)";
            }
            else if (!File.Exists("/usr/include/zlib.h"))
            {
                Skip = "needs zlib's headers for the native build (apt-get install zlib1g-dev)";
            }
        }

        private static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Any(d => File.Exists(Path.Combine(d, program)));
    }
}
