using System.Text;
using Microsoft.Data.Sqlite;

namespace Vigil.Tracking.Sql.Common;

/// <summary>
/// SQLite: LIKE is case-insensitive for ASCII, so case-sensitive LIKE is compiled to GLOB with the pattern translated
/// (<c>%</c> → <c>*</c>, <c>_</c> → <c>?</c>, GLOB's own metacharacters bracketed); text sorts by bytes (BINARY) already.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public string CaseSensitiveLike(string column, string parameter) => $"{column} GLOB {parameter}";

    public string CaseSensitiveLikePattern(string likePattern)
    {
        var glob = new StringBuilder(likePattern.Length + 8);
        foreach (var c in likePattern)
        {
            glob.Append(c switch
            {
                '%' => "*",
                '_' => "?",
                '*' => "[*]",
                '?' => "[?]",
                '[' => "[[]",
                _ => c.ToString(),
            });
        }

        return glob.ToString();
    }

    public string CaseInsensitiveLike(string column, string parameter) => $"lower({column}) LIKE lower({parameter})";

    public string Ordinal(string expression) => expression;

    // sqlite3_bind_parameter_index scans the names linearly, so binding n parameters by name costs O(n²).
    public int MetricRowsPerStatement => 100;

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Constraint } e && e.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    public bool IsTransient(Exception exception) => exception is SqliteException { SqliteErrorCode: Busy or Locked };
}
