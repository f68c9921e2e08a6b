using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.ML.Persistence;

namespace Vigil.ML.Rul;

/// <summary>
/// A trained remaining-useful-life model on per-cycle data: which columns hold the unit, the time and the sensors, the
/// min-max scaler fitted on the training units, the window options (length, padding), the RUL cap of its labels and an
/// <see cref="IWindowRegressor"/> on the scaled windows. Immutable and thread-safe; saved whole in a model file
/// (<see cref="IStandaloneModel"/>, codec <see cref="RulModelCodec"/>).
/// </summary>
/// <remarks>
/// Predictions are not clipped unless <see cref="Clip"/> is set: a model that predicts below 0 or above the cap shows it
/// in its scores rather than having the error hidden. With <see cref="Clip"/> every prediction is clamped to [0, cap].
/// </remarks>
public sealed class RulModel : IStandaloneModel
{
    /// <summary>Bundles the parts; throws <see cref="ArgumentException"/> when they do not agree with each other.</summary>
    public RulModel(RulColumns columns, MinMaxScaler scaler, RulWindowOptions windowOptions, double cap, IWindowRegressor regressor, ModelInfo info, bool clip = false)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(windowOptions);
        ArgumentNullException.ThrowIfNull(regressor);
        ArgumentNullException.ThrowIfNull(info);
        if (!scaler.Columns.SequenceEqual(windowOptions.SensorColumns, StringComparer.Ordinal))
        {
            throw new ArgumentException("The scaler's columns differ from the window options' sensor columns.", nameof(scaler));
        }

        if (regressor.WindowLength != windowOptions.WindowLength || regressor.Channels != windowOptions.SensorColumns.Count)
        {
            throw new ArgumentException(
                $"The regressor expects windows of {regressor.WindowLength} × {regressor.Channels}, the options cut {windowOptions.WindowLength} × {windowOptions.SensorColumns.Count}.",
                nameof(regressor));
        }

        if (!(cap > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "The RUL cap must be positive.");
        }

        (Columns, Scaler, WindowOptions, Cap, Regressor, Info, Clip) = (columns, scaler, windowOptions, cap, regressor, info, clip);
    }

    /// <summary>The group (unit), time (cycle) and target column names.</summary>
    public RulColumns Columns { get; }

    /// <summary>The sensor columns, in channel order.</summary>
    public IReadOnlyList<string> SensorColumns => WindowOptions.SensorColumns;

    /// <summary>The min-max scaler fitted on the training units' sensor columns.</summary>
    public MinMaxScaler Scaler { get; }

    /// <summary>Window length, stride of the training windows, and the padding rule for short units.</summary>
    public RulWindowOptions WindowOptions { get; }

    /// <summary>The cap of the piecewise-linear training labels.</summary>
    public double Cap { get; }

    /// <summary>Whether predictions are clamped to [0, <see cref="Cap"/>] (default false: raw predictions).</summary>
    public bool Clip { get; }

    /// <summary>The regressor on the scaled windows.</summary>
    public IWindowRegressor Regressor { get; }

    /// <inheritdoc/>
    public ModelInfo Info { get; }

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Regression;

    /// <inheritdoc/>
    public string Description => "remaining-useful-life";

    /// <inheritdoc/>
    IStandaloneModel IStandaloneModel.WithInfo(ModelInfo info) => WithInfo(info);

    /// <summary>A copy with other metadata.</summary>
    public RulModel WithInfo(ModelInfo info) => new(Columns, Scaler, WindowOptions, Cap, Regressor, info, Clip);

    /// <summary>A copy that does (or does not) clamp predictions to [0, cap].</summary>
    public RulModel WithClip(bool clip) => new(Columns, Scaler, WindowOptions, Cap, Regressor, Info, clip);

    /// <summary>
    /// Checks the frame's columns, orders its rows by unit and time, scales the sensors and cuts windows: every window
    /// (stride of <see cref="WindowOptions"/>) or only each unit's last one. Targets come from the target column when present.
    /// </summary>
    public RulWindowSet Windows(DataFrame frame, bool lastOnly)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var scaled = Scaler.Transform(RulWindows.Prepare(frame, Columns, SensorColumns));
        var cutter = new RulWindows(WindowOptions);
        return lastOnly ? cutter.LastWindows(scaled, Columns) : cutter.Build(scaled, Columns);
    }

    /// <summary>One RUL prediction per window (clamped to [0, cap] only when <see cref="Clip"/> is set).</summary>
    public double[] Predict(RulWindowSet windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var result = new double[windows.Count];
        Regressor.Predict(windows, result);
        if (Clip)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = Math.Clamp(result[i], 0, Cap);
            }
        }

        return result;
    }
}

/// <summary>
/// Model-file codec of <see cref="RulModel"/>: group, time and target names; sensor names with the scaler's min and max;
/// window length, stride and padding; cap; clip; then the nested <see cref="IWindowRegressor"/> (via
/// <see cref="ModelCodecs.WriteNested"/>, so any registered window regressor kind can be stored).
/// </summary>
public sealed class RulModelCodec : ModelCodec<RulModel>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.rul-model";

    /// <inheritdoc/>
    public override void Write(RulModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.Columns.Group);
        writer.Write(model.Columns.Time);
        writer.Write(model.Columns.Target);
        writer.Write(model.SensorColumns.Count);
        for (var c = 0; c < model.SensorColumns.Count; c++)
        {
            writer.Write(model.SensorColumns[c]);
            writer.Write(model.Scaler.Min[c]);
            writer.Write(model.Scaler.Max[c]);
        }

        writer.Write(model.WindowOptions.WindowLength);
        writer.Write(model.WindowOptions.Stride);
        writer.Write((int)model.WindowOptions.Padding);
        writer.Write(model.Cap);
        writer.Write(model.Clip);
        codecs.WriteNested(model.Regressor, writer);
    }

    /// <inheritdoc/>
    public override RulModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var columns = new RulColumns(reader.ReadString(), reader.ReadString(), reader.ReadString());
        var count = reader.ReadInt32();
        if (count < 1 || count > 100_000)
        {
            throw new InvalidDataException($"A RUL model with {count} sensors.");
        }

        var names = new string[count];
        var min = new double[count];
        var max = new double[count];
        for (var c = 0; c < count; c++)
        {
            names[c] = reader.ReadString();
            min[c] = reader.ReadDouble();
            max[c] = reader.ReadDouble();
        }

        var options = new RulWindowOptions(names, reader.ReadInt32(), reader.ReadInt32(), (RulPadding)reader.ReadInt32());
        var cap = reader.ReadDouble();
        var clip = reader.ReadBoolean();
        var regressor = codecs.ReadNested(reader, formatVersion) as IWindowRegressor
            ?? throw new InvalidDataException("The RUL model's nested regressor is not a window regressor.");
        return new RulModel(columns, MinMaxScaler.FromFitted(names, min, max), options, cap, regressor, new ModelInfo { LearnerName = regressor.Name }, clip);
    }
}
