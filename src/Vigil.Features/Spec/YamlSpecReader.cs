using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vigil.Features.Spec;

/// <summary>Reads one YAML document into located <see cref="SpecNode"/>s with YamlDotNet's event parser; plain scalars are typed by the YAML 1.2 core schema.</summary>
internal static partial class YamlSpecReader
{
    /// <summary>The root node, or null for an empty document; throws <see cref="FeatureSpecException"/> on a syntax error.</summary>
    public static SpecNode? Read(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, new Dictionary<string, SpecNode>(StringComparer.Ordinal), source);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                throw Error(source, next.Start, "a spec holds one YAML document, not several");
            }

            return root;
        }
        catch (YamlException e)
        {
            throw new FeatureSpecException([new FeatureSpecError(source, Line(e.Start), Column(e.Start), null, null, $"invalid YAML at column {Column(e.Start)}: {Strip(e.Message)}")], e);
        }
    }

    private static SpecNode ReadNode(IParser parser, Dictionary<string, SpecNode> anchors, string source)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target) ? target : throw Error(source, alias.Start, $"unknown alias '*{alias.Value.Value}'");
        }

        SpecNode node;
        var start = parser.Current!.Start;
        var anchor = (parser.Current as NodeEvent)?.Anchor ?? AnchorName.Empty;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new SpecScalar(Line(start), Column(start), scalar.Value, TypeOf(scalar));
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            var items = new List<SpecNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, source));
            }

            node = new SpecSequence(Line(start), Column(start), items);
        }
        else
        {
            parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<SpecScalar, SpecNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors, source) as SpecScalar ?? throw Error(source, start, "mapping keys must be plain text");
                entries.Add(new(key, ReadNode(parser, anchors, source)));
            }

            node = new SpecMapping(Line(start), Column(start), entries);
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static SpecScalarType TypeOf(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return SpecScalarType.String;
        }

        var v = scalar.Value;
        return v switch
        {
            "" or "~" or "null" or "Null" or "NULL" => SpecScalarType.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => SpecScalarType.Boolean,
            _ when NumberPattern().IsMatch(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => SpecScalarType.Number,
            _ => SpecScalarType.String,
        };
    }

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);

    private static FeatureSpecException Error(string source, Mark at, string message) =>
        new([new FeatureSpecError(source, Line(at), Column(at), null, null, message)]);

    /// <summary>Removes YamlDotNet's "(Line: …) - (Line: …): " prefix; the location is reported separately.</summary>
    private static string Strip(string message) =>
        string.Join(' ', LocationPrefix().Replace(message, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
