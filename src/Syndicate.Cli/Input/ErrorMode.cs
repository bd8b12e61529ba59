namespace Syndicate.Cli.Input;

/// <summary>What <see cref="ArticleReader"/> does with a record or an input it cannot read.</summary>
internal enum ErrorMode
{
    /// <summary>Report the problem through the error callback and go on with the next record or input.</summary>
    Skip,

    /// <summary>Stop at the first problem by throwing an <see cref="InputException"/>.</summary>
    Fail,
}
