using System.Text;
using System.Text.Json;

namespace Vigil.Features.Spec;

/// <summary>Reads a JSON document into located <see cref="SpecNode"/>s with <see cref="Utf8JsonReader"/> (comments and trailing commas allowed).</summary>
internal static class JsonSpecReader
{
    /// <summary>The root node; throws <see cref="FeatureSpecException"/> on a syntax error.</summary>
    public static SpecNode Read(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new Locator(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lines);
            return reader.Read()
                ? throw new JsonException("there is more after the end of the document")
                : root;
        }
        catch (JsonException e)
        {
            var (line, column) = ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new FeatureSpecException([new FeatureSpecError(source, line, column, null, null, $"invalid JSON at column {column}: {e.Message.Split(" LineNumber:")[0]}")], e);
        }
    }

    private static SpecNode ReadValue(ref Utf8JsonReader reader, Locator lines)
    {
        var (line, column) = lines.Find(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<SpecScalar, SpecNode>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = lines.Find(reader.TokenStartIndex);
                    var key = new SpecScalar(keyLine, keyColumn, reader.GetString()!, SpecScalarType.String);
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, lines)));
                }

                return new SpecMapping(line, column, entries);
            case JsonTokenType.StartArray:
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new SpecSequence(line, column, items);
            case JsonTokenType.String:
                return new SpecScalar(line, column, reader.GetString()!, SpecScalarType.String);
            case JsonTokenType.Number:
                return new SpecScalar(line, column, Encoding.UTF8.GetString(reader.ValueSpan), SpecScalarType.Number);
            case JsonTokenType.True or JsonTokenType.False:
                return new SpecScalar(line, column, reader.GetBoolean() ? "true" : "false", SpecScalarType.Boolean);
            case JsonTokenType.Null:
                return new SpecScalar(line, column, string.Empty, SpecScalarType.Null);
            default:
                throw new JsonException($"expected a value, not {reader.TokenType}", null, line - 1, column - 1);
        }
    }

    /// <summary>Maps a byte offset to a 1-based line and (character) column.</summary>
    private sealed class Locator
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public Locator(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Find(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = _lineStarts[line];
            return (line + 1, Encoding.UTF8.GetCharCount(_bytes, start, (int)offset - start) + 1);
        }
    }
}
