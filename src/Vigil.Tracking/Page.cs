namespace Vigil.Tracking;

/// <summary>One page of search results and the opaque token of the next page (null on the last page).</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="Items">The results on this page, in the requested order.</param>
/// <param name="NextPageToken">Pass to the same search to get the next page; null when there are no more results.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
