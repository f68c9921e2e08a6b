using Vigil.Data.Cmapss;
using Vigil.ML.Persistence;

namespace Vigil.ML.Rul;

/// <summary>The engine-age channel: cycle / 100 at every step of a window (clamped at cycle 1 for front-padded windows); the age is known when predicting, so it is a legitimate input.</summary>
public static class CycleChannel
{
    /// <summary>The channel value at step <paramref name="step"/> of a window of <paramref name="length"/> steps ending at <paramref name="endCycle"/>.</summary>
    public static float Value(int endCycle, int step, int length) => Math.Max(1, endCycle - (length - 1 - step)) / 100f;

    /// <summary>A copy of <paramref name="set"/> with the channel appended to every step.</summary>
    public static RulWindowSet Append(RulWindowSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var features = set.Features + 1;
        var values = new float[set.Count * set.Length * features];
        for (var w = 0; w < set.Count; w++)
        {
            var source = set.Window(w);
            for (var t = 0; t < set.Length; t++)
            {
                var o = ((w * set.Length) + t) * features;
                source.Slice(t * set.Features, set.Features).CopyTo(values.AsSpan(o));
                values[o + set.Features] = Value(set.EndCycles[w], t, set.Length);
            }
        }

        return new RulWindowSet(values, set.Length, features, set.Targets, set.UnitIds, set.EndCycles);
    }
}

/// <summary>A deterministic, stateless rewrite of RUL windows applied identically in training and scoring (e.g. appending channels).</summary>
public interface IWindowTransform
{
    /// <summary>A stable description stored in model files, e.g. "cycle" or "ewm:0.3".</summary>
    string Spec { get; }

    /// <summary>The channel count after the transform of windows with <paramref name="channels"/> channels.</summary>
    int OutputChannels(int channels);

    /// <summary>The transformed copy of <paramref name="windows"/>.</summary>
    RulWindowSet Apply(RulWindowSet windows);
}

/// <summary>The window transforms, by spec: "cycle" (<see cref="CycleChannel"/>) and "ewm:ALPHA" (<see cref="ExponentialSmoothing"/>).</summary>
public static class WindowTransforms
{
    /// <summary>Appends the engine-age channel.</summary>
    public static IWindowTransform Cycle { get; } = new CycleTransform();

    /// <summary>Rebuilds a transform from its <see cref="IWindowTransform.Spec"/>.</summary>
    /// <exception cref="InvalidDataException">The spec is unknown.</exception>
    public static IWindowTransform Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec == "cycle")
        {
            return Cycle;
        }

        if (spec.StartsWith("ewm:", StringComparison.Ordinal) && double.TryParse(spec.AsSpan(4), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var alpha) && alpha is > 0 and <= 1)
        {
            return new ExponentialSmoothing(alpha);
        }

        throw new InvalidDataException($"Unknown window transform '{spec}'.");
    }

    private sealed class CycleTransform : IWindowTransform
    {
        public string Spec => "cycle";

        public int OutputChannels(int channels) => channels + 1;

        public RulWindowSet Apply(RulWindowSet windows) => CycleChannel.Append(windows);
    }
}

/// <summary>Appends an exponentially weighted moving average of every channel along the window (s₀ = x₀, sₜ = α·xₜ + (1 − α)·sₜ₋₁; Brown 1956), a de-noised copy of the sensors.</summary>
public sealed class ExponentialSmoothing : IWindowTransform
{
    /// <summary>Creates the transform with smoothing factor <paramref name="alpha"/> in (0, 1].</summary>
    public ExponentialSmoothing(double alpha)
    {
        if (alpha is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1].");
        }

        Alpha = alpha;
    }

    /// <summary>The smoothing factor.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public string Spec => "ewm:" + Alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public int OutputChannels(int channels) => channels * 2;

    /// <inheritdoc/>
    public RulWindowSet Apply(RulWindowSet windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var c = windows.Features;
        var features = c * 2;
        var values = new float[windows.Count * windows.Length * features];
        var a = (float)Alpha;
        for (var w = 0; w < windows.Count; w++)
        {
            var source = windows.Window(w);
            for (var t = 0; t < windows.Length; t++)
            {
                var o = ((w * windows.Length) + t) * features;
                source.Slice(t * c, c).CopyTo(values.AsSpan(o));
                for (var k = 0; k < c; k++)
                {
                    var x = source[(t * c) + k];
                    values[o + c + k] = t == 0 ? x : (a * x) + ((1 - a) * values[o - features + c + k]);
                }
            }
        }

        return new RulWindowSet(values, windows.Length, features, windows.Targets, windows.UnitIds, windows.EndCycles);
    }
}

/// <summary>Fits its inner learner on transformed windows; the fitted regressor applies the same transform before scoring.</summary>
/// <param name="Transform">The window transform.</param>
/// <param name="Inner">The learner that sees the transformed windows.</param>
public sealed record TransformedWindowLearner(IWindowTransform Transform, IWindowRegressorLearner Inner) : IWindowRegressorLearner
{
    /// <inheritdoc/>
    public string Name => Inner.Name + "+" + Transform.Spec;

    /// <inheritdoc/>
    public object Options => Inner.Options;

    /// <inheritdoc/>
    public IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new TransformedWindowRegressor(Transform, training.Features, Inner.Fit(Transform.Apply(training), cancellationToken));
    }
}

/// <summary>A window regressor that applies a <see cref="IWindowTransform"/> before its inner regressor scores.</summary>
public sealed class TransformedWindowRegressor : IWindowRegressor
{
    /// <summary>Wraps <paramref name="inner"/>, which takes the transform's output channels for <paramref name="channels"/> input channels.</summary>
    public TransformedWindowRegressor(IWindowTransform transform, int channels, IWindowRegressor inner)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.Channels != transform.OutputChannels(channels))
        {
            throw new ArgumentException($"The inner regressor takes {inner.Channels} channels, not the {transform.OutputChannels(channels)} that '{transform.Spec}' makes of {channels}.", nameof(inner));
        }

        (Transform, Channels, Inner) = (transform, channels, inner);
    }

    /// <summary>The transform.</summary>
    public IWindowTransform Transform { get; }

    /// <summary>The regressor that sees the transformed windows.</summary>
    public IWindowRegressor Inner { get; }

    /// <inheritdoc/>
    public string Name => Inner.Name + "+" + Transform.Spec;

    /// <inheritdoc/>
    public int WindowLength => Inner.WindowLength;

    /// <inheritdoc/>
    public int Channels { get; }

    /// <inheritdoc/>
    public void Predict(RulWindowSet windows, Span<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Features != Channels)
        {
            throw new ArgumentException($"Windows of {windows.Features} channels for a regressor of {Channels}.", nameof(windows));
        }

        Inner.Predict(Transform.Apply(windows), predictions);
    }
}

/// <summary>Fits every member learner on the same windows and averages their predictions (equal weights).</summary>
/// <param name="Members">The member learners, at least two.</param>
public sealed record AveragingWindowLearner(IReadOnlyList<IWindowRegressorLearner> Members) : IWindowRegressorLearner
{
    /// <inheritdoc/>
    public string Name => "average(" + string.Join(", ", Members.Select(m => m.Name)) + ")";

    /// <inheritdoc/>
    public object Options => Members.Select(m => m.Options).ToArray();

    /// <inheritdoc/>
    public IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default) =>
        new AveragingWindowRegressor([.. Members.Select(m => m.Fit(training, cancellationToken))]);
}

/// <summary>The equal-weight average of several window regressors of the same window shape (a simple ensemble; Dietterich 2000).</summary>
public sealed class AveragingWindowRegressor : IWindowRegressor
{
    /// <summary>Combines <paramref name="members"/> (at least two, equal window shapes).</summary>
    public AveragingWindowRegressor(IReadOnlyList<IWindowRegressor> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2 || members.Any(m => m.WindowLength != members[0].WindowLength || m.Channels != members[0].Channels))
        {
            throw new ArgumentException("An average needs at least two members of the same window shape.", nameof(members));
        }

        Members = [.. members];
    }

    /// <summary>The members.</summary>
    public IReadOnlyList<IWindowRegressor> Members { get; }

    /// <inheritdoc/>
    public string Name => "average(" + string.Join(", ", Members.Select(m => m.Name)) + ")";

    /// <inheritdoc/>
    public int WindowLength => Members[0].WindowLength;

    /// <inheritdoc/>
    public int Channels => Members[0].Channels;

    /// <inheritdoc/>
    public void Predict(RulWindowSet windows, Span<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (predictions.Length < windows.Count)
        {
            throw new ArgumentException($"{predictions.Length} slots for {windows.Count} predictions.", nameof(predictions));
        }

        var sum = new double[windows.Count];
        var one = new double[windows.Count];
        foreach (var member in Members)
        {
            member.Predict(windows, one);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += one[i];
            }
        }

        for (var i = 0; i < sum.Length; i++)
        {
            predictions[i] = sum[i] / Members.Count;
        }
    }
}

/// <summary>Model-file codec of <see cref="TransformedWindowRegressor"/>: the transform spec, the input channels and the nested inner regressor.</summary>
public sealed class TransformedWindowRegressorCodec : ModelCodec<TransformedWindowRegressor>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.transformed-window-regressor";

    /// <inheritdoc/>
    public override void Write(TransformedWindowRegressor model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.Transform.Spec);
        writer.Write(model.Channels);
        codecs.WriteNested(model.Inner, writer);
    }

    /// <inheritdoc/>
    public override TransformedWindowRegressor Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var transform = WindowTransforms.Parse(reader.ReadString());
        var channels = reader.ReadInt32();
        var inner = codecs.ReadNested(reader, formatVersion) as IWindowRegressor ?? throw new InvalidDataException("The transformed regressor's nested model is not a window regressor.");
        return new TransformedWindowRegressor(transform, channels, inner);
    }
}

/// <summary>Model-file codec of <see cref="AveragingWindowRegressor"/>.</summary>
public sealed class AveragingWindowRegressorCodec : ModelCodec<AveragingWindowRegressor>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.averaging-window-regressor";

    /// <inheritdoc/>
    public override void Write(AveragingWindowRegressor model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.Members.Count);
        foreach (var member in model.Members)
        {
            codecs.WriteNested(member, writer);
        }
    }

    /// <inheritdoc/>
    public override AveragingWindowRegressor Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var count = reader.ReadInt32();
        if (count is < 2 or > 64)
        {
            throw new InvalidDataException($"An averaging regressor cannot have {count} members.");
        }

        var members = new IWindowRegressor[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = codecs.ReadNested(reader, formatVersion) as IWindowRegressor ?? throw new InvalidDataException($"Member {i} of the average is not a window regressor.");
        }

        return new AveragingWindowRegressor(members);
    }
}
