using System.Diagnostics;
using System.Text;

namespace Syndicate.Tests.Cli.EndToEnd;

/// <summary>
/// Runs the CLI inside <c>/bin/sh -c</c>, for what only a shell sets up: a pipe into <c>head</c>, a redirection to a
/// device. The script finds the host in <c>$DOTNET</c> and the CLI in <c>$CLI</c>.
/// </summary>
internal static class ShellCli
{
    public static CliResult Run(string script)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["DOTNET"] = SyndicateCli.DotnetHost();
        info.Environment["CLI"] = SyndicateCli.Dll;
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /bin/sh");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sh -c " + script + " did not finish");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, Encoding.UTF8.GetBytes(stdout.Result), stderr.Result);
    }
}
