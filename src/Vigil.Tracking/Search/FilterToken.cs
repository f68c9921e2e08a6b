namespace Vigil.Tracking.Search;

/// <summary>The kinds of token in a filter or order-by clause.</summary>
internal enum FilterTokenKind
{
    Field,
    String,
    Number,
    Operator,
    And,
    Like,
    ILike,
    In,
    Not,
    Asc,
    Desc,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>One token: its kind, its text (the key for fields, the unquoted value for strings), an entity prefix for fields, and its position.</summary>
internal sealed record FilterToken(FilterTokenKind Kind, string Text, string? Prefix, int Position)
{
    public string Describe() => Kind == FilterTokenKind.End ? "end of input" : $"'{(Prefix is null ? Text : Prefix + "." + Text)}'";
}
