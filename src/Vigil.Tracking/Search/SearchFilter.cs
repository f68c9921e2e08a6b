using System.Globalization;

namespace Vigil.Tracking.Search;

/// <summary>
/// Parses MLflow search filters and order-by clauses. A filter is one or more <c>field op value</c> terms joined by
/// <c>AND</c> (MLflow has no OR): <c>metrics.f1 &gt; 0.8 and params.model = 'rf' and attributes.run_name ILIKE '%cnn%'</c>.
/// Metrics compare with numbers (<c>= != &lt; &lt;= &gt; &gt;=</c>); params and tags with strings (<c>= != LIKE ILIKE IN NOT IN</c>);
/// attributes with either, checked against the searched entity by the store. Every error is a
/// <see cref="TrackingErrorCode.InvalidParameterValue"/> naming the position and the offending token.
/// </summary>
public static class SearchFilter
{
    /// <summary>Parses a filter; null or blank yields no terms.</summary>
    public static IReadOnlyList<FilterComparison> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        var tokens = FilterTokenizer.Tokenize(filter);
        var index = 0;
        List<FilterComparison> terms = [];
        while (true)
        {
            terms.Add(ParseComparison(tokens, ref index));
            var next = tokens[index];
            if (next.Kind == FilterTokenKind.End)
            {
                return terms;
            }

            if (next.Kind != FilterTokenKind.And)
            {
                throw FilterTokenizer.Error(next.Position, next.Kind == FilterTokenKind.Field && next.Text.Equals("or", StringComparison.OrdinalIgnoreCase)
                    ? "'OR' is not supported; only AND joins terms"
                    : $"expected AND or end of input, found {next.Describe()}");
            }

            index++;
        }
    }

    /// <summary>Parses one order-by clause: <c>field</c>, <c>field ASC</c> or <c>field DESC</c>.</summary>
    public static OrderByTerm ParseOrderBy(string clause)
    {
        if (string.IsNullOrWhiteSpace(clause))
        {
            throw TrackingException.Invalid("Invalid order_by clause: it is empty.");
        }

        var tokens = FilterTokenizer.Tokenize(clause);
        var index = 0;
        var field = ParseField(tokens, ref index);
        var ascending = true;
        if (tokens[index].Kind is FilterTokenKind.Asc or FilterTokenKind.Desc)
        {
            ascending = tokens[index].Kind == FilterTokenKind.Asc;
            index++;
        }

        if (tokens[index].Kind != FilterTokenKind.End)
        {
            throw TrackingException.Invalid(
                $"Invalid order_by clause '{clause}' at position {tokens[index].Position}: expected ASC, DESC or end, found {tokens[index].Describe()}.");
        }

        return new OrderByTerm(field, ascending);
    }

    /// <summary>Parses a list of order-by clauses; null yields none.</summary>
    public static IReadOnlyList<OrderByTerm> ParseOrderBy(IReadOnlyList<string>? clauses) =>
        clauses is null ? [] : clauses.Select(ParseOrderBy).ToList();

    private static FilterComparison ParseComparison(List<FilterToken> tokens, ref int index)
    {
        var position = tokens[index].Position;
        var field = ParseField(tokens, ref index);
        var token = tokens[index++];
        FilterOperator op;
        switch (token.Kind)
        {
            case FilterTokenKind.Operator:
                op = token.Text switch
                {
                    "=" or "==" => FilterOperator.Equal,
                    "!=" or "<>" => FilterOperator.NotEqual,
                    "<" => FilterOperator.Less,
                    "<=" => FilterOperator.LessOrEqual,
                    ">" => FilterOperator.Greater,
                    _ => FilterOperator.GreaterOrEqual,
                };
                break;
            case FilterTokenKind.Like:
                op = FilterOperator.Like;
                break;
            case FilterTokenKind.ILike:
                op = FilterOperator.ILike;
                break;
            case FilterTokenKind.In:
                op = FilterOperator.In;
                break;
            case FilterTokenKind.Not when tokens[index].Kind == FilterTokenKind.In:
                index++;
                op = FilterOperator.NotIn;
                break;
            default:
                throw FilterTokenizer.Error(token.Position, $"expected a comparison operator after {field}, found {token.Describe()}");
        }

        FilterComparison comparison;
        if (op is FilterOperator.In or FilterOperator.NotIn)
        {
            comparison = new FilterComparison(field, op, null, null, ParseList(tokens, ref index), position);
        }
        else
        {
            var value = tokens[index++];
            comparison = value.Kind switch
            {
                FilterTokenKind.String => new FilterComparison(field, op, value.Text, null, null, position),
                FilterTokenKind.Number => new FilterComparison(
                    field, op, null, double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), null, position),
                _ => throw FilterTokenizer.Error(value.Position, $"expected a quoted string or a number after {field} {token.Text}, found {value.Describe()}"),
            };
        }

        Check(comparison, token);
        return comparison;
    }

    private static FilterField ParseField(List<FilterToken> tokens, ref int index)
    {
        var token = tokens[index];
        if (token.Kind != FilterTokenKind.Field)
        {
            throw FilterTokenizer.Error(token.Position, $"expected a key such as metrics.f1 or attributes.status, found {token.Describe()}");
        }

        index++;
        var entity = token.Prefix?.ToLowerInvariant() switch
        {
            null or "attribute" or "attributes" or "attr" or "run" => FilterEntity.Attribute,
            "metric" or "metrics" => FilterEntity.Metric,
            "param" or "params" or "parameter" or "parameters" => FilterEntity.Param,
            "tag" or "tags" => FilterEntity.Tag,
            "dataset" or "datasets" => FilterEntity.Dataset,
            _ => throw FilterTokenizer.Error(token.Position,
                $"invalid entity type '{token.Prefix}' in {token.Describe()}; expected metrics, params, tags, attributes or datasets"),
        };
        return new FilterField(entity, token.Text);
    }

    private static List<string> ParseList(List<FilterToken> tokens, ref int index)
    {
        var open = tokens[index++];
        if (open.Kind != FilterTokenKind.OpenParen)
        {
            throw FilterTokenizer.Error(open.Position, $"expected '(' after IN, found {open.Describe()}");
        }

        List<string> values = [];
        while (true)
        {
            var value = tokens[index++];
            if (value.Kind != FilterTokenKind.String)
            {
                throw FilterTokenizer.Error(value.Position, $"expected a quoted string in the IN list, found {value.Describe()}");
            }

            values.Add(value.Text);
            var separator = tokens[index++];
            if (separator.Kind == FilterTokenKind.CloseParen)
            {
                return values;
            }

            if (separator.Kind != FilterTokenKind.Comma)
            {
                throw FilterTokenizer.Error(separator.Position, $"expected ',' or ')' in the IN list, found {separator.Describe()}");
            }
        }
    }

    private static void Check(FilterComparison c, FilterToken op)
    {
        switch (c.Field.Entity)
        {
            case FilterEntity.Metric when c.Number is null:
                throw FilterTokenizer.Error(c.Position, $"metric {c.Field} must be compared with a number using =, !=, <, <=, > or >=, not {op.Text.ToUpperInvariant()} {Value(c)}");
            case FilterEntity.Param or FilterEntity.Tag or FilterEntity.Dataset when c.Number is not null || c.IsOrdering:
                throw FilterTokenizer.Error(c.Position, $"{c.Field} must be compared with a quoted string using =, !=, LIKE, ILIKE, IN or NOT IN, not {op.Text.ToUpperInvariant()} {Value(c)}");
            case FilterEntity.Attribute when c.Number is not null && c.Operator is FilterOperator.Like or FilterOperator.ILike:
                throw FilterTokenizer.Error(c.Position, $"{op.Text.ToUpperInvariant()} needs a quoted string pattern, not {Value(c)}");
        }
    }

    private static string Value(FilterComparison c) =>
        c.Number?.ToString(CultureInfo.InvariantCulture) ?? (c.Text is not null ? $"'{c.Text}'" : "(...)");
}
