using System.Security.Cryptography;
using System.Text;
using Vigil.Tracking.Datasets;

namespace Vigil.Tracking.Sql.Tests.Contracts;

/// <summary>Builds dataset versions whose hash and content key derive from a content string.</summary>
internal static class DatasetSamples
{
    public static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static NewDatasetVersion New(string name, string content, string? target = "label") => new(
        Name: name,
        Sha256: Sha256Of(content),
        RowCount: 1_000_000_000_000L + content.Length,
        QuarantinedRowCount: 3,
        ColumnCount: 7,
        SchemaJson: """{"columns":[{"name":"x","type":"float"},{"name":"label","type":"string"}]}""",
        ProfileJson: """{"rows":42,"note":"ünïcödé ✓ 'quotes' \"double\""}""",
        Source: $"/data/{name}.csv",
        ContentKey: Sha256Of(content),
        Target: target);
}
