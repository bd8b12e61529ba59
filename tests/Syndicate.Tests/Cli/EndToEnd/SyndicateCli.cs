using System.Diagnostics;
using System.Text;
using Syndicate.Tests.Cli.Evaluation;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// Runs the built CLI as a separate process (<c>dotnet Syndicate.Cli.dll ...</c>), the way people run it: real
/// argument parsing, real standard streams (redirected, so never a terminal), real exit codes.
/// </summary>
/// <remarks>
/// The test project references the CLI project, so the build copies <c>Syndicate.Cli.dll</c> with its
/// <c>.runtimeconfig.json</c> and <c>.deps.json</c> next to the test assembly; nothing is built here.
/// </remarks>
internal static class SyndicateCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    public static string Dll { get; } = Locate();

    /// <summary>Runs with standard input closed and empty.</summary>
    public static CliResult Run(params string[] args) => Run(null, args);

    /// <summary>Runs with <paramref name="stdin"/> (UTF-8) on standard input.</summary>
    public static CliResult RunWithInput(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>Runs with these environment variables set (standard input closed and empty).</summary>
    public static CliResult RunWithEnvironment((string Name, string Value)[] environment, params string[] args) => Run(null, args, environment);

    private static CliResult Run(byte[]? stdin, string[] args, (string Name, string Value)[]? environment = null)
    {
        // Standard input and output are used as byte streams here, so their encodings do not matter.
        ProcessStartInfo info = StartInfo(args);
        info.WorkingDirectory = RepositoryPaths.Root;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in environment ?? [])
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        Task<byte[]> stdout = ReadAllAsync(process.StandardOutput.BaseStream);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        // Written from another task: a command that does not read its standard input must not block the test.
        Task feed = Task.Run(() =>
        {
            try
            {
                if (stdin is not null)
                {
                    process.StandardInput.BaseStream.Write(stdin);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process exited without reading everything; its exit code and output tell the test why.
            }
        });
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"syndicate {string.Join(' ', args)} did not finish within {s_timeout}");
        }

        process.WaitForExit();
        feed.Wait(s_timeout);
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>
    /// How to start the CLI as a process with <paramref name="args"/>, its standard streams piped in UTF-8 (no byte order
    /// mark), for a test that feeds it, reads it or signals it while it runs.
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>The <c>dotnet</c> host the tests run under.</summary>
    public static string DotnetHost()
    {
        // `dotnet test` names the host it runs under; the test host itself is usually run by it too.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static string Locate()
    {
        string next = Path.Combine(AppContext.BaseDirectory, "Syndicate.Cli.dll");
        if (File.Exists(next) && File.Exists(Path.ChangeExtension(next, ".runtimeconfig.json")))
        {
            return next;
        }

        // Fall back to the CLI's own output folder for the configuration the tests were built in.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        string own = Path.Combine(RepositoryPaths.Root, "src", "Syndicate.Cli", "bin", configuration, "net10.0", "Syndicate.Cli.dll");
        return File.Exists(own) ? own : throw new FileNotFoundException("the built CLI was found neither at " + next + " nor at " + own);
    }
}
