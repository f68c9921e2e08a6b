using System.Globalization;

namespace Vigil.Features.Spec;

/// <summary>Reads one step's options with located type errors; options never asked for are reported as unknown by <see cref="Finish"/>.</summary>
public sealed class StepOptionReader
{
    private readonly string _source;
    private readonly FeatureStepSpec _step;
    private readonly List<FeatureSpecError> _errors;
    private readonly List<string> _known = [];

    /// <summary>Creates a reader that appends problems to <paramref name="errors"/>.</summary>
    public StepOptionReader(string source, FeatureStepSpec step, List<FeatureSpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(errors);
        (_source, _step, _errors) = (source ?? "spec", step, errors);
    }

    /// <summary>The step being read.</summary>
    public FeatureStepSpec Step => _step;

    /// <summary>A list of text values (a single scalar counts as a list of one), or null when absent.</summary>
    public IReadOnlyList<string>? Strings(string name) => Read<IReadOnlyList<string>>(name, "a list of names", node => node switch
    {
        SpecSequence list when list.Items.All(i => i is SpecScalar { Type: not SpecScalarType.Null }) => [.. list.Items.Cast<SpecScalar>().Select(s => s.Text)],
        SpecScalar { Type: not SpecScalarType.Null } one => [one.Text],
        _ => null,
    });

    /// <summary>A list of whole numbers (a single number counts as a list of one), or null when absent.</summary>
    public IReadOnlyList<int>? Ints(string name) => Read<IReadOnlyList<int>>(name, "a list of whole numbers", node => node switch
    {
        SpecSequence list when list.Items.All(IsInt) => [.. list.Items.Cast<SpecScalar>().Select(s => int.Parse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture))],
        SpecScalar one when IsInt(one) => [int.Parse(one.Text, NumberStyles.Integer, CultureInfo.InvariantCulture)],
        _ => null,
    });

    /// <summary>A text value, or null when absent.</summary>
    public string? String(string name) => Read<string>(name, "text", node => node is SpecScalar { Type: not SpecScalarType.Null } s ? s.Text : null);

    /// <summary>A boolean (true or false), or null when absent.</summary>
    public bool? Bool(string name) => Read<bool?>(name, "true or false", node => node is SpecScalar { Type: SpecScalarType.Boolean } s ? s.Text == "true" : null);

    /// <summary>A whole number, or null when absent.</summary>
    public int? Int(string name) => Read<int?>(
        name,
        "a whole number",
        node => node is SpecScalar { Type: SpecScalarType.Number } s && int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>A number, or null when absent.</summary>
    public double? Double(string name) => Read<double?>(
        name,
        "a number",
        node => node is SpecScalar { Type: SpecScalarType.Number } s && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>One of the named choices, or null when absent.</summary>
    public T? Choice<T>(string name, params (string Text, T Value)[] choices)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(choices);
        var expected = "one of " + string.Join(", ", choices.Select(c => c.Text));
        return Read<T?>(name, expected, node => node is SpecScalar { Type: SpecScalarType.String } s && choices.Any(c => c.Text == s.Text) ? choices.First(c => c.Text == s.Text).Value : null);
    }

    /// <summary>Adds an error located at the step.</summary>
    public void Error(string message) => _errors.Add(new FeatureSpecError(_source, _step.Line, _step.Column, _step.Index, _step.Name, message));

    /// <summary>Reports every option that no reader method asked for, listing the known ones.</summary>
    public void Finish()
    {
        foreach (var (key, _) in _step.Options.Entries)
        {
            if (!_known.Contains(key.Text))
            {
                _errors.Add(Located(key, $"unknown option '{key.Text}'{Suggestions.DidYouMean(key.Text, _known)}; known: {string.Join(", ", _known)}"));
            }
        }
    }

    private T? Read<T>(string name, string expected, Func<SpecNode, T?> convert)
    {
        _known.Add(name);
        var node = _step.Options.Find(name);
        if (node is null)
        {
            return default;
        }

        var value = convert(node);
        if (value is null)
        {
            _errors.Add(Located(node, $"option '{name}' must be {expected}, not {node.Describe()}"));
        }

        return value;
    }

    private FeatureSpecError Located(SpecNode at, string message) => new(_source, at.Line, at.Column, _step.Index, _step.Name, message);

    private static bool IsInt(SpecNode node) =>
        node is SpecScalar { Type: SpecScalarType.Number } s && int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
}
