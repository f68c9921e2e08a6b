using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>Immutable, validated settings for <see cref="CsvReader"/>; every argument is optional and documents its default.</summary>
/// <remarks>
/// <para><b>Type inference.</b> Each column's kind is inferred from the first <see cref="InferenceSampleRows"/> records:
/// Float64 when at least <c>1 - WideningFraction</c> of the non-missing sample values parse as invariant-culture numbers,
/// else Boolean (true/false), else Timestamp (ISO-8601 date or date-time), else text. A text column is Categorical when
/// its sample holds at most <see cref="CategoricalMaxDistinct"/> distinct values and at most
/// <see cref="CategoricalMaxFraction"/> of its non-missing sample values; otherwise String. A Categorical column whose
/// dictionary grows past <see cref="CategoricalDictionaryCap"/> during the full pass becomes String. A column with no
/// value in the sample is read as Float64 but widens on its first non-numeric value.</para>
/// <para><b>Quarantine and widening.</b> During the full pass a value that does not parse in a typed column quarantines
/// its row. When a column fails for more than <see cref="WideningMinFailures"/> rows <i>and</i> more than
/// <see cref="WideningFraction"/> of the rows read, the inference was wrong: the column is widened to text and the
/// input is read again, so those rows are accepted. Columns named in <see cref="ColumnKinds"/> never widen.</para>
/// </remarks>
public sealed record CsvReadOptions
{
    /// <summary>The tokens read as missing by default: "", NA, N/A, NaN, nan, null, NULL and None.</summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"];

    /// <summary>The default options.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>Creates validated options; throws one <see cref="ArgumentException"/> listing every invalid argument.</summary>
    /// <param name="delimiter">The field delimiter (an ASCII character other than quote, CR and LF); null (default) detects among ',', ';', tab and '|'.</param>
    /// <param name="hasHeader">Whether the first record is a header; null (default) detects it.</param>
    /// <param name="missingTokens">Unquoted field texts read as missing; default <see cref="DefaultMissingTokens"/>.</param>
    /// <param name="inferenceSampleRows">How many leading records drive type inference; default 1000.</param>
    /// <param name="categoricalMaxDistinct">The most distinct sample values a Categorical column may have; default 100.</param>
    /// <param name="categoricalMaxFraction">The largest ratio of distinct to non-missing sample values for Categorical; default 0.5.</param>
    /// <param name="categoricalDictionaryCap">The dictionary size past which a Categorical column becomes String; default 10,000.</param>
    /// <param name="wideningFraction">The fraction of failing rows above which a typed column widens to text; default 0.01.</param>
    /// <param name="wideningMinFailures">The number of failing rows a column must exceed before it widens; default 5.</param>
    /// <param name="columnKinds">Kinds forced by column name, bypassing inference and widening; default none.</param>
    /// <param name="maxFieldLength">The longest field in bytes; longer fields quarantine their row; default 262,144.</param>
    /// <param name="maxRecordBytes">The longest record in bytes; longer records are quarantined; default 1,048,576.</param>
    /// <param name="maxColumns">The most columns a file may have; default 10,000.</param>
    public CsvReadOptions(
        char? delimiter = null,
        bool? hasHeader = null,
        IEnumerable<string>? missingTokens = null,
        int inferenceSampleRows = 1000,
        int categoricalMaxDistinct = 100,
        double categoricalMaxFraction = 0.5,
        int categoricalDictionaryCap = 10_000,
        double wideningFraction = 0.01,
        int wideningMinFailures = 5,
        IReadOnlyDictionary<string, ColumnKind>? columnKinds = null,
        int maxFieldLength = 256 * 1024,
        int maxRecordBytes = 1024 * 1024,
        int maxColumns = 10_000)
    {
        var errors = new List<string>();
        if (delimiter is { } d && (d > 0x7F || d is '"' or '\r' or '\n'))
        {
            errors.Add($"delimiter must be an ASCII character other than quote, CR and LF (was U+{(int)d:X4}).");
        }

        string[] tokens = missingTokens is null ? [.. DefaultMissingTokens] : [.. missingTokens];
        if (tokens.Any(t => t is null))
        {
            errors.Add("missingTokens must not contain null.");
        }

        Check(errors, inferenceSampleRows >= 1, $"inferenceSampleRows must be at least 1 (was {inferenceSampleRows}).");
        Check(errors, categoricalMaxDistinct >= 1, $"categoricalMaxDistinct must be at least 1 (was {categoricalMaxDistinct}).");
        Check(errors, categoricalMaxFraction is > 0 and <= 1, $"categoricalMaxFraction must be in (0, 1] (was {categoricalMaxFraction}).");
        Check(errors, categoricalDictionaryCap >= categoricalMaxDistinct, $"categoricalDictionaryCap must be at least categoricalMaxDistinct (was {categoricalDictionaryCap}).");
        Check(errors, wideningFraction is >= 0 and < 1, $"wideningFraction must be in [0, 1) (was {wideningFraction}).");
        Check(errors, wideningMinFailures >= 0, $"wideningMinFailures must not be negative (was {wideningMinFailures}).");
        Check(errors, maxFieldLength >= 1, $"maxFieldLength must be at least 1 (was {maxFieldLength}).");
        Check(errors, maxRecordBytes >= 64 && maxRecordBytes <= 1 << 30, $"maxRecordBytes must be in [64, 2^30] (was {maxRecordBytes}).");
        Check(errors, maxColumns >= 1, $"maxColumns must be at least 1 (was {maxColumns}).");
        if (columnKinds is not null && columnKinds.Keys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("columnKinds must not contain an empty column name.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CsvReadOptions: " + string.Join(" ", errors));
        }

        Delimiter = delimiter;
        HasHeader = hasHeader;
        MissingTokens = tokens;
        InferenceSampleRows = inferenceSampleRows;
        CategoricalMaxDistinct = categoricalMaxDistinct;
        CategoricalMaxFraction = categoricalMaxFraction;
        CategoricalDictionaryCap = categoricalDictionaryCap;
        WideningFraction = wideningFraction;
        WideningMinFailures = wideningMinFailures;
        ColumnKinds = columnKinds is null ? null : new Dictionary<string, ColumnKind>(columnKinds, StringComparer.Ordinal);
        MaxFieldLength = maxFieldLength;
        MaxRecordBytes = maxRecordBytes;
        MaxColumns = maxColumns;
    }

    /// <summary>The field delimiter, or null to detect among ',', ';', tab and '|'.</summary>
    public char? Delimiter { get; }

    /// <summary>Whether the first record is a header, or null to detect it.</summary>
    public bool? HasHeader { get; }

    /// <summary>Unquoted field texts read as missing (quoted ones too in typed columns).</summary>
    public IReadOnlyList<string> MissingTokens { get; }

    /// <summary>How many leading records drive type inference.</summary>
    public int InferenceSampleRows { get; }

    /// <summary>The most distinct sample values a Categorical column may have.</summary>
    public int CategoricalMaxDistinct { get; }

    /// <summary>The largest ratio of distinct to non-missing sample values for a Categorical column.</summary>
    public double CategoricalMaxFraction { get; }

    /// <summary>The dictionary size past which a Categorical column becomes String during the full pass.</summary>
    public int CategoricalDictionaryCap { get; }

    /// <summary>The fraction of failing rows above which an inferred typed column widens to text.</summary>
    public double WideningFraction { get; }

    /// <summary>The number of failing rows an inferred typed column must exceed before it widens to text.</summary>
    public int WideningMinFailures { get; }

    /// <summary>Kinds forced by column name; these bypass inference and never widen.</summary>
    public IReadOnlyDictionary<string, ColumnKind>? ColumnKinds { get; }

    /// <summary>The longest field in bytes; a longer field quarantines its row.</summary>
    public int MaxFieldLength { get; }

    /// <summary>The longest record in bytes; a longer record is quarantined and reading resumes at the next line.</summary>
    public int MaxRecordBytes { get; }

    /// <summary>The most columns a file may have.</summary>
    public int MaxColumns { get; }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
