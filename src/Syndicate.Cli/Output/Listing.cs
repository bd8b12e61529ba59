using Syndicate.Clustering;

namespace Syndicate.Cli.Output;

/// <summary>
/// The stories the <c>table</c> and <c>html</c> formats list: those carried by several copies, counting the articles
/// of other stories that carry them (a release with one copy of its own, carried inside a roundup, is listed with the
/// roundup named under it). Biggest first by their own copies, then in order of creation.
/// </summary>
internal static class Listing
{
    public static bool HasSeveralCopies(Cluster story) => story.Members.Count + story.Carriers.Count > 1;

    public static List<Cluster> Stories(IEnumerable<Cluster> clusters) =>
        [.. clusters.Where(HasSeveralCopies).OrderByDescending(c => c.Members.Count).ThenBy(c => c.Id)];
}
