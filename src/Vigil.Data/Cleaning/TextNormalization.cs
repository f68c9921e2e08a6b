using System.Text;

namespace Vigil.Data.Cleaning;

/// <summary>The text rules shared by column names and categorical terms: whitespace collapsing and snake_case.</summary>
internal static class TextNormalization
{
    /// <summary><paramref name="text"/> trimmed, with every inner run of whitespace replaced by one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        var trimmed = text.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var inSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                builder.Append(' ');
                inSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as snake_case: a word break before an upper-case letter that follows a lower-case letter or
    /// digit, letters lower-cased, every run of other characters one underscore, no leading or trailing underscore.
    /// </summary>
    public static string SnakeCase(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            var camelBreak = char.IsUpper(c) && i > 0 && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]));
            if ((pendingBreak || camelBreak) && builder.Length > 0)
            {
                builder.Append('_');
            }

            pendingBreak = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
