using System.Globalization;

namespace Vigil.Tracking.Search;

/// <summary>
/// Splits a filter or order-by clause into tokens. Keys are <c>prefix.key</c> where the key is a run of letters, digits and
/// <c>_ . - / :</c> or is quoted with backquotes or double quotes (<c>metrics.`my metric`</c>, <c>tags."user-name"</c>).
/// Strings are single- or double-quoted (a doubled quote inside escapes it).
/// </summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string text)
    {
        List<FilterToken> tokens = [];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    string key;
                    if (i < text.Length && text[i] is '`' or '"')
                    {
                        key = ReadQuoted(text, ref i, start);
                    }
                    else
                    {
                        var keyStart = i;
                        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-' or '/' or ':'))
                        {
                            i++;
                        }

                        key = text[keyStart..i];
                    }

                    if (key.Length == 0)
                    {
                        throw Error(start, $"missing key after '{word}.'");
                    }

                    tokens.Add(new FilterToken(FilterTokenKind.Field, key, word, start));
                    continue;
                }

                tokens.Add(new FilterToken(Keyword(word), word, null, start));
                continue;
            }

            if (c is '\'' or '"')
            {
                tokens.Add(new FilterToken(FilterTokenKind.String, ReadQuoted(text, ref i, start), null, start));
                continue;
            }

            if (c == '`')
            {
                tokens.Add(new FilterToken(FilterTokenKind.Field, ReadQuoted(text, ref i, start), null, start));
                continue;
            }

            if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.OpenParen, "(", null, start));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.CloseParen, ")", null, start));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", null, start));
                    i++;
                    continue;
            }

            var op = ReadOperator(text, i);
            if (op is null)
            {
                throw Error(start, $"unexpected character '{c}'");
            }

            tokens.Add(new FilterToken(FilterTokenKind.Operator, op, null, start));
            i += op.Length;
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, null, text.Length));
        return tokens;
    }

    public static TrackingException Error(int position, string message) =>
        TrackingException.Invalid($"Invalid search expression at position {position}: {message}.");

    private static FilterTokenKind Keyword(string word) => word.ToUpperInvariant() switch
    {
        "AND" => FilterTokenKind.And,
        "LIKE" => FilterTokenKind.Like,
        "ILIKE" => FilterTokenKind.ILike,
        "IN" => FilterTokenKind.In,
        "NOT" => FilterTokenKind.Not,
        "ASC" => FilterTokenKind.Asc,
        "DESC" => FilterTokenKind.Desc,
        _ => FilterTokenKind.Field,
    };

    private static string ReadQuoted(string text, ref int i, int start)
    {
        var quote = text[i++];
        var builder = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    builder.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            builder.Append(text[i++]);
        }

        throw Error(start, $"unterminated {quote}-quoted text");
    }

    private static FilterToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] is '-' or '+')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var literal = text[start..i];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Error(start, $"'{literal}' is not a number");
        }

        return new FilterToken(FilterTokenKind.Number, literal, null, start);
    }

    private static string? ReadOperator(string text, int i)
    {
        var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
        if (two is "!=" or "<>" or "<=" or ">=" or "==")
        {
            return two;
        }

        return text[i] is '=' or '<' or '>' ? text[i].ToString() : null;
    }
}
