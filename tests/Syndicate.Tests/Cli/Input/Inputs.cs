using System.Text;
using Syndicate.Cli.Input;

namespace Syndicate.Tests.Cli.Input;

/// <summary>Runs an <see cref="ArticleReader"/> to the end and collects what it returned and reported.</summary>
internal static class Inputs
{
    public static (List<InputRecord> Records, List<InputError> Errors) ReadAll(
        IReadOnlyList<string> inputs,
        InputFormat format = InputFormat.Auto,
        Stream? stdin = null,
        int bufferSize = 256 * 1024,
        int maxRecordBytes = ArticleReader.DefaultMaxRecordBytes)
    {
        var errors = new List<InputError>();
        // Warnings stay on the records (InputRecord.Warning), where the tests look for them.
        var reader = new ArticleReader(inputs, format, ErrorMode.Skip, errors.Add, stdin, onWarning: _ => { })
        {
            BufferSize = bufferSize,
            MaxRecordBytes = maxRecordBytes,
        };
        return (reader.Read().ToList(), errors);
    }

    public static (List<InputRecord> Records, List<InputError> Errors) ReadStdin(string text, InputFormat format = InputFormat.Auto) =>
        ReadAll(["-"], format, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    public static List<InputRecord> ReadFail(IReadOnlyList<string> inputs, out InputException? exception)
    {
        var records = new List<InputRecord>();
        exception = null;
        var reader = new ArticleReader(inputs, InputFormat.Auto, ErrorMode.Fail, _ => throw new InvalidOperationException("no callback in Fail mode"));
        try
        {
            foreach (var record in reader.Read())
            {
                records.Add(record);
            }
        }
        catch (InputException ex)
        {
            exception = ex;
        }

        return records;
    }

    /// <summary>The repository root, found by walking up from the test binaries to the folder holding Syndicate.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Syndicate.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Syndicate.sln not found above " + AppContext.BaseDirectory);
    }
}
