using Vigil.Tracking.Search;
using Vigil.Tracking.Sql.Common;

namespace Vigil.Tracking.Sql.Search;

/// <summary>A compiled search: WHERE conditions (joined by AND), the ORDER BY list, and the parameter values they use.</summary>
internal sealed record CompiledSearch(IReadOnlyList<string> Conditions, string OrderBy, IReadOnlyList<(string Name, object Value)> Parameters)
{
    /// <summary>"WHERE a AND b" with the extra conditions first, or "" when there are none.</summary>
    public string Where(params string[] extra)
    {
        var all = extra.Concat(Conditions).ToList();
        return all.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", all);
    }
}

/// <summary>
/// Compiles parsed MLflow filters and order-by clauses to parameterized SQL for a <see cref="SearchTarget"/>. Values are always
/// bound as parameters (<c>@f0</c>, <c>@f1</c>...); keys and attribute names only select from fixed column lists, so no input
/// text reaches the SQL. Metric terms compare the latest value and never match NaN; param, tag and dataset terms match rows
/// that have the key (so <c>!=</c> does not match runs without it), as in MLflow.
/// </summary>
internal sealed class SearchSqlCompiler(ISqlDialect dialect)
{
    public CompiledSearch Compile(SearchTarget target, string? filter, IReadOnlyList<string>? orderBy)
    {
        var state = new State(dialect);
        List<string> conditions = [];
        foreach (var term in SearchFilter.Parse(filter))
        {
            conditions.Add(Condition(target, term, state));
        }

        List<string> order = [];
        var terms = SearchFilter.ParseOrderBy(orderBy);
        foreach (var term in terms)
        {
            order.AddRange(OrderTerm(target, term, state));
        }

        if (terms.Count == 0)
        {
            order.AddRange(target.DefaultOrder);
        }

        order.AddRange(target.TieBreak);
        return new CompiledSearch(conditions, string.Join(", ", order), state.Parameters);
    }

    private static string Condition(SearchTarget target, FilterComparison term, State state)
    {
        switch (term.Field.Entity)
        {
            case FilterEntity.Attribute:
                var attribute = Attribute(target, term.Field, term.Position);
                if (attribute.Numeric != (term.Number is not null))
                {
                    throw Error(term.Position, attribute.Numeric
                        ? $"attribute '{term.Field.Key}' is numeric; compare it with a number using =, !=, <, <=, > or >="
                        : $"attribute '{term.Field.Key}' is a string; compare it with a quoted string using =, !=, LIKE, ILIKE, IN or NOT IN");
                }

                return attribute.Numeric ? NumberCondition(attribute.Column, term, state) : TextCondition(attribute.Column, term, state);
            case FilterEntity.Tag:
                return target.Member(target.TagTable, $"x.key = {state.Add(term.Field.Key)} AND {TextCondition("x.value", term, state)}");
            case FilterEntity.Param:
                RequireRunData(target, term.Field, term.Position);
                return target.Member("params", $"x.key = {state.Add(term.Field.Key)} AND {TextCondition("x.value", term, state)}");
            case FilterEntity.Metric:
                RequireRunData(target, term.Field, term.Position);
                return target.Member("latest_metrics", $"x.key = {state.Add(term.Field.Key)} AND x.is_nan = 0 AND {NumberCondition("x.value", term, state)}");
            default:
                RequireRunData(target, term.Field, term.Position);
                return term.Field.Key switch
                {
                    "name" or "digest" => $"r.run_id IN (SELECT i.run_id FROM inputs i JOIN datasets d ON d.dataset_id = i.dataset_id WHERE {TextCondition("d." + term.Field.Key, term, state)})",
                    "context" => $"r.run_id IN (SELECT x.run_id FROM input_tags x WHERE x.key = 'mlflow.data.context' AND {TextCondition("x.value", term, state)})",
                    _ => throw Error(term.Position, $"invalid dataset key '{term.Field.Key}'; expected datasets.name, datasets.digest or datasets.context"),
                };
        }
    }

    private IEnumerable<string> OrderTerm(SearchTarget target, OrderByTerm term, State state)
    {
        var direction = term.Ascending ? "ASC" : "DESC";
        string expression;
        switch (term.Field.Entity)
        {
            case FilterEntity.Attribute:
                var attribute = Attribute(target, term.Field, null);
                expression = attribute.Numeric ? attribute.Column : dialect.Ordinal(attribute.Column);
                break;
            case FilterEntity.Metric:
                RequireRunData(target, term.Field, null);
                expression = $"(SELECT x.value FROM latest_metrics x WHERE x.run_id = r.run_id AND x.key = {state.Add(term.Field.Key)} AND x.is_nan = 0)";
                break;
            case FilterEntity.Param:
                RequireRunData(target, term.Field, null);
                expression = dialect.Ordinal($"(SELECT x.value FROM params x WHERE x.run_id = r.run_id AND x.key = {state.Add(term.Field.Key)})");
                break;
            case FilterEntity.Tag when target.AllowsRunData:
                expression = dialect.Ordinal($"(SELECT x.value FROM tags x WHERE x.run_id = r.run_id AND x.key = {state.Add(term.Field.Key)})");
                break;
            default:
                throw TrackingException.Invalid($"Invalid order_by clause: cannot order {target.Entity}s by {term.Field}.");
        }

        // Missing values (and NaN metrics) sort last in both directions, as in MLflow.
        return [$"CASE WHEN {expression} IS NULL THEN 1 ELSE 0 END", $"{expression} {direction}"];
    }

    private static SearchAttribute Attribute(SearchTarget target, FilterField field, int? position)
    {
        if (target.Attributes.TryGetValue(field.Key, out var attribute))
        {
            return attribute;
        }

        var message = $"invalid attribute '{field.Key}' for a {target.Entity} search; expected one of {string.Join(", ", target.Attributes.Keys)}";
        throw position is null ? TrackingException.Invalid($"Invalid order_by clause: {message}.") : Error(position.Value, message);
    }

    private static void RequireRunData(SearchTarget target, FilterField field, int? position)
    {
        if (!target.AllowsRunData)
        {
            var message = $"{field} is not searchable in a {target.Entity} search";
            throw position is null ? TrackingException.Invalid($"Invalid order_by clause: {message}.") : Error(position.Value, message);
        }
    }

    private static string NumberCondition(string column, FilterComparison term, State state)
    {
        var op = term.Operator switch
        {
            FilterOperator.Equal => "=",
            FilterOperator.NotEqual => "<>",
            FilterOperator.Less => "<",
            FilterOperator.LessOrEqual => "<=",
            FilterOperator.Greater => ">",
            FilterOperator.GreaterOrEqual => ">=",
            _ => throw Error(term.Position, $"{term.Operator.ToString().ToUpperInvariant()} is not a numeric comparison"),
        };
        return $"{column} {op} {state.Add(term.Number!.Value)}";
    }

    private static string TextCondition(string column, FilterComparison term, State state)
    {
        switch (term.Operator)
        {
            case FilterOperator.Equal:
                return $"{column} = {state.Add(term.Text!)}";
            case FilterOperator.NotEqual:
                return $"{column} <> {state.Add(term.Text!)}";
            case FilterOperator.Like:
                return state.Dialect.CaseSensitiveLike(column, state.Add(state.Dialect.CaseSensitiveLikePattern(term.Text!)));
            case FilterOperator.ILike:
                return state.Dialect.CaseInsensitiveLike(column, state.Add(term.Text!));
            case FilterOperator.In or FilterOperator.NotIn:
                var names = term.List!.Select(v => state.Add(v));
                return $"{column} {(term.Operator == FilterOperator.In ? "IN" : "NOT IN")} ({string.Join(", ", names)})";
            default:
                throw Error(term.Position, $"string values cannot be compared with {term.Operator}; use =, !=, LIKE, ILIKE, IN or NOT IN");
        }
    }

    private static TrackingException Error(int position, string message) =>
        TrackingException.Invalid($"Invalid search expression at position {position}: {message}.");

    private sealed class State(ISqlDialect dialect)
    {
        public ISqlDialect Dialect { get; } = dialect;

        public List<(string Name, object Value)> Parameters { get; } = [];

        public string Add(object value)
        {
            var name = "@f" + Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Parameters.Add((name, value));
            return name;
        }
    }
}
