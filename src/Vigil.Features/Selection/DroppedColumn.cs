namespace Vigil.Features.Selection;

/// <summary>One dropped column and why.</summary>
/// <param name="Column">The dropped column.</param>
/// <param name="Reason">The rule that dropped it.</param>
/// <param name="Detail">The evidence in words, e.g. <c>|r| = 0.998 with 'power'</c>.</param>
public sealed record DroppedColumn(string Column, DropReason Reason, string Detail);
