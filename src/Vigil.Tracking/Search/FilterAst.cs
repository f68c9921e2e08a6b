namespace Vigil.Tracking.Search;

/// <summary>What a filter or order-by key refers to: the prefix before the first dot.</summary>
public enum FilterEntity
{
    /// <summary>An attribute of the searched entity (<c>attributes.status</c>, <c>attribute.run_name</c>, <c>run.start_time</c> or an unprefixed name).</summary>
    Attribute,

    /// <summary>A run's latest metric value (<c>metrics.f1</c>, <c>metric.f1</c>).</summary>
    Metric,

    /// <summary>A run param (<c>params.model</c>, <c>param.</c>, <c>parameters.</c>).</summary>
    Param,

    /// <summary>A tag (<c>tags.team</c>, <c>tag.team</c>).</summary>
    Tag,

    /// <summary>A dataset input of a run (<c>datasets.name</c>, <c>datasets.digest</c>).</summary>
    Dataset,
}

/// <summary>The comparison operators of the MLflow filter grammar.</summary>
public enum FilterOperator
{
    /// <summary><c>=</c> (also <c>==</c>).</summary>
    Equal,

    /// <summary><c>!=</c> (also <c>&lt;&gt;</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>LIKE</c>, case-sensitive, with <c>%</c> and <c>_</c> wildcards.</summary>
    Like,

    /// <summary><c>ILIKE</c>, case-insensitive LIKE.</summary>
    ILike,

    /// <summary><c>IN ('a', 'b')</c>.</summary>
    In,

    /// <summary><c>NOT IN ('a', 'b')</c>.</summary>
    NotIn,
}

/// <summary>A key in a filter or order-by clause, e.g. <c>metrics.`my metric`</c> → (Metric, "my metric").</summary>
/// <param name="Entity">What the key refers to.</param>
/// <param name="Key">The metric/param/tag key or attribute name, without quotes.</param>
public sealed record FilterField(FilterEntity Entity, string Key)
{
    /// <summary>The field in canonical text form, e.g. <c>metrics.f1</c>.</summary>
    public override string ToString() => $"{Entity switch
    {
        FilterEntity.Attribute => "attributes",
        FilterEntity.Metric => "metrics",
        FilterEntity.Param => "params",
        FilterEntity.Tag => "tags",
        _ => "datasets",
    }}.{Key}";
}

/// <summary>One <c>field op value</c> term; exactly one of the value properties is set.</summary>
/// <param name="Field">The left-hand side.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Text">The string value, for string comparisons and LIKE/ILIKE.</param>
/// <param name="Number">The numeric value, for numeric comparisons.</param>
/// <param name="List">The values of IN / NOT IN.</param>
/// <param name="Position">The 0-based character position of the term in the filter, for error messages.</param>
public sealed record FilterComparison(
    FilterField Field, FilterOperator Operator, string? Text, double? Number, IReadOnlyList<string>? List, int Position)
{
    /// <summary>Whether the operator is one of <c>&lt; &lt;= &gt; &gt;=</c>.</summary>
    public bool IsOrdering => Operator is FilterOperator.Less or FilterOperator.LessOrEqual or FilterOperator.Greater or FilterOperator.GreaterOrEqual;
}

/// <summary>One order-by clause, e.g. <c>metrics.f1 DESC</c>.</summary>
/// <param name="Field">The key to order by.</param>
/// <param name="Ascending">True for ASC (the default), false for DESC.</param>
public sealed record OrderByTerm(FilterField Field, bool Ascending);
