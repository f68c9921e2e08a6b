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

/// <summary>Fits its inner learner on windows with the <see cref="CycleChannel"/> appended.</summary>
/// <param name="Inner">The learner that sees channels + 1.</param>
public sealed record CycleChannelLearner(IWindowRegressorLearner Inner) : IWindowRegressorLearner
{
    /// <inheritdoc/>
    public string Name => Inner.Name + "+cycle";

    /// <inheritdoc/>
    public object Options => Inner.Options;

    /// <inheritdoc/>
    public IWindowRegressor Fit(RulWindowSet training, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new CycleChannelRegressor(training.Features, Inner.Fit(CycleChannel.Append(training), cancellationToken));
    }
}

/// <summary>A window regressor that appends the <see cref="CycleChannel"/> before its inner regressor scores.</summary>
public sealed class CycleChannelRegressor : IWindowRegressor
{
    /// <summary>Wraps <paramref name="inner"/>, which takes <paramref name="channels"/> + 1 channels.</summary>
    public CycleChannelRegressor(int channels, IWindowRegressor inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.Channels != channels + 1)
        {
            throw new ArgumentException($"The inner regressor takes {inner.Channels} channels, not {channels} + the cycle channel.", nameof(inner));
        }

        (Channels, Inner) = (channels, inner);
    }

    /// <summary>The regressor that sees the cycle channel.</summary>
    public IWindowRegressor Inner { get; }

    /// <inheritdoc/>
    public string Name => Inner.Name + "+cycle";

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

        Inner.Predict(CycleChannel.Append(windows), predictions);
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

/// <summary>Model-file codec of <see cref="CycleChannelRegressor"/>.</summary>
public sealed class CycleChannelRegressorCodec : ModelCodec<CycleChannelRegressor>
{
    /// <inheritdoc/>
    public override string Kind => "vigil.cycle-channel-regressor";

    /// <inheritdoc/>
    public override void Write(CycleChannelRegressor model, BinaryWriter writer, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(codecs);
        writer.Write(model.Channels);
        codecs.WriteNested(model.Inner, writer);
    }

    /// <inheritdoc/>
    public override CycleChannelRegressor Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(codecs);
        var channels = reader.ReadInt32();
        var inner = codecs.ReadNested(reader, formatVersion) as IWindowRegressor ?? throw new InvalidDataException("The cycle-channel regressor's nested model is not a window regressor.");
        return new CycleChannelRegressor(channels, inner);
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
