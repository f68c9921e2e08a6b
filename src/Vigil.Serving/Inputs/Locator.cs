using System.Globalization;

namespace Vigil.Serving.Inputs;

/// <summary>How error messages name a value's place in the body; stateless apart from its prefix.</summary>
internal sealed class Locator
{
    public static readonly Locator Records = new("records", LocatorStyle.ObjectRows);
    public static readonly Locator SingleRecord = new("records", LocatorStyle.SingleObject);
    public static readonly Locator DataframeRecords = new("dataframe_records", LocatorStyle.ObjectRows);
    public static readonly Locator DataframeSplit = new("dataframe_split.data", LocatorStyle.ArrayRows);

    public Locator(string prefix, LocatorStyle style) => (Prefix, Style) = (prefix, style);

    public string Prefix { get; }

    public LocatorStyle Style { get; }

    /// <summary>The place of the value of field <paramref name="field"/> in row <paramref name="row"/>; <paramref name="position"/> is its index in an array row or tensor.</summary>
    public string Describe(int row, string? field, int position) => Style switch
    {
        LocatorStyle.ObjectRows => field is null ? Invariant($"{Prefix}[{row}]") : Invariant($"{Prefix}[{row}].\"{field}\""),
        LocatorStyle.SingleObject => field is null ? Prefix : Invariant($"{Prefix}.\"{field}\""),
        LocatorStyle.ArrayRows => field is null ? Invariant($"{Prefix}[{row}]") : Invariant($"{Prefix}[{row}][{position}] (\"{field}\")"),
        LocatorStyle.Tensor => Invariant($"{Prefix} row {row}"),
        _ => field is null ? Invariant($"{Prefix} row {row}") : Invariant($"{Prefix} row {row}, column {position} (\"{field}\")"),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The shapes of <see cref="Locator"/> messages.</summary>
internal enum LocatorStyle
{
    /// <summary><c>records[3]."Torque"</c>.</summary>
    ObjectRows,

    /// <summary><c>records."Torque"</c> (one record given as an object).</summary>
    SingleObject,

    /// <summary><c>dataframe_split.data[3][2] ("Torque")</c>.</summary>
    ArrayRows,

    /// <summary><c>inputs[1] ("Torque") row 3</c>: one tensor per field.</summary>
    Tensor,

    /// <summary><c>inputs[0] ("input-0") row 3, column 2 ("Torque")</c>: one 2-D tensor.</summary>
    Tensor2D,
}
