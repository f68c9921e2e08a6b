using System.Globalization;
using Vigil.Data.Frames;

namespace Vigil.Features.Transforms;

/// <summary>A fitted scaling step: x' = (x − offset) / scale per column; NaN stays NaN.</summary>
internal sealed class FittedScale : IFittedFeatureTransform
{
    public const string MinMaxKind = "vigil.features.min-max-scale";
    public const string StandardKind = "vigil.features.standard-scale";
    private const int PayloadVersion = 1;
    private readonly ScaleMethod _method;
    private readonly string[] _columns;
    private readonly double[] _offsets;
    private readonly double[] _scales;
    private readonly bool _inPlace;

    public FittedScale(ScaleMethod method, string[] columns, double[] offsets, double[] scales, bool inPlace)
    {
        (_method, _columns, _offsets, _scales, _inPlace) = (method, columns, offsets, scales, inPlace);
        InputSchema = new FrameSchema([.. columns.Select(c => new ColumnSchema(c, ColumnKind.Float64))]);
        OutputColumns = [.. columns.Select(c => inPlace ? c : c + "_scaled")];
    }

    public string Kind => _method == ScaleMethod.MinMax ? MinMaxKind : StandardKind;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>The fitted offsets (min or mean), one per column.</summary>
    public IReadOnlyList<double> Offsets => _offsets;

    /// <summary>The fitted scales (range or std, 1 when constant), one per column.</summary>
    public IReadOnlyList<double> Scales => _scales;

    public static string StepName(ScaleMethod method) => method == ScaleMethod.MinMax ? "min_max_scale" : "standard_scale";

    public DataFrame Transform(DataFrame frame)
    {
        var name = StepName(_method);
        var inputs = _columns.Select(c => ColumnSelection.Numbers(frame, c, name)).ToArray();
        if (!_inPlace)
        {
            ColumnSelection.RequireFree(frame, OutputColumns, [], name);
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            var values = inputs[c];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (values[i] - _offsets[c]) / _scales[c];
            }

            frame = frame.WithColumn(new Float64Column(OutputColumns[c], values));
        }

        return frame;
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        StepBinary.WriteStrings(writer, _columns);
        StepBinary.WriteDoubles(writer, _offsets);
        StepBinary.WriteDoubles(writer, _scales);
        writer.Write(_inPlace);
    }

    public static FittedScale ReadMinMax(BinaryReader reader) => Read(reader, ScaleMethod.MinMax);

    public static FittedScale ReadStandard(BinaryReader reader) => Read(reader, ScaleMethod.Standard);

    public string Describe()
    {
        var (offset, scale) = _method == ScaleMethod.MinMax ? ("min", "range") : ("mean", "std");
        var parts = _columns.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c} ({offset} {_offsets[i]:G6}, {scale} {_scales[i]:G6})"));
        return $"{StepName(_method)}: {string.Join(", ", parts)}{(_inPlace ? string.Empty : " → <col>_scaled")}";
    }

    private static FittedScale Read(BinaryReader reader, ScaleMethod method)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = method == ScaleMethod.MinMax ? MinMaxKind : StandardKind;
        StepBinary.ReadVersion(reader, PayloadVersion, kind);
        var (columns, offsets, scales) = (StepBinary.ReadStrings(reader), StepBinary.ReadDoubles(reader), StepBinary.ReadDoubles(reader));
        StepBinary.RequireSameLength(kind, columns.Length, offsets.Length, scales.Length);
        if (scales.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new InvalidDataException($"Feature step '{kind}': scales must be finite and positive.");
        }

        return new FittedScale(method, columns, offsets, scales, reader.ReadBoolean());
    }
}
