using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Layers;

/// <summary>A fully connected layer applied to every step independently: (T, in) → (T, units), y = x·W + b.</summary>
/// <remarks>
/// Parameters: "weight" [in × units] (Glorot-uniform, Glorot &amp; Bengio 2010, or He-uniform, He et al. 2015) and "bias" [units] (zeros, no decay).
/// The forward pass is one GEMM over all batch × steps rows; the backward pass adds Xᵀ·dY into dW, the column sums of dY into db and writes dY·Wᵀ to dX.
/// </remarks>
public sealed class DenseLayer : Layer
{
    /// <summary>The settings key of <see cref="Units"/>.</summary>
    public const string UnitsKey = "units";

    /// <summary>The settings key of <see cref="Initialization"/>.</summary>
    public const string InitKey = "init";

    /// <summary>Creates a dense layer of <paramref name="units"/> outputs per step.</summary>
    /// <exception cref="ArgumentException"><paramref name="units"/> is not positive or <paramref name="init"/> is unknown.</exception>
    public DenseLayer(int units, WeightInitialization init = WeightInitialization.Glorot)
    {
        if (units < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, "'units' must be at least 1.");
        }

        WeightInitializationExtensions.Validate(init, nameof(init));
        Units = units;
        Initialization = init;
    }

    /// <summary>The number of outputs per step.</summary>
    public int Units { get; }

    /// <summary>How the weight is initialized.</summary>
    public WeightInitialization Initialization { get; }

    /// <inheritdoc />
    public override string Kind => "dense";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [UnitsKey] = SettingsReader.Format(Units),
        [InitKey] = Initialization.ToSettingsName(),
    };

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("units" required, "init" optional: "glorot" | "he").</summary>
    /// <exception cref="ArgumentException">A setting is missing, unknown or invalid (the message names it).</exception>
    public static DenseLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "dense", UnitsKey, InitKey);
        return new DenseLayer(
            SettingsReader.RequiredInt(settings, "dense", UnitsKey),
            WeightInitializationExtensions.Parse("dense", SettingsReader.OptionalString(settings, InitKey)));
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) =>
        (new SequenceShape(input.Steps, Units),
         [new Parameter("weight", [input.Channels, Units], decays: true), new Parameter("bias", [Units], decays: false)]);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
        Initialization.Fill(Parameters[0].Value, InputShape.Channels, Units, random);
        Array.Clear(Parameters[1].Value);
    }

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var rows = batch * InputShape.Steps;
        var inputs = InputShape.Channels;
        var x = input[..(rows * inputs)];
        var y = output[..(rows * Units)];
        Gemm.Multiply(false, false, rows, Units, inputs, x, inputs, Parameters[0].Value, Units, y, Units, accumulate: false);
        ReadOnlySpan<float> bias = Parameters[1].Value;
        for (var r = 0; r < rows; r++)
        {
            var row = y.Slice(r * Units, Units);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rows = batch * InputShape.Steps;
        var inputs = InputShape.Channels;
        var x = input[..(rows * inputs)];
        var dy = outputGradient[..(rows * Units)];

        Gemm.Multiply(true, false, inputs, Units, rows, x, inputs, dy, Units, state.Gradients[0], Units, accumulate: true);
        Span<float> db = state.Gradients[1];
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(db, dy.Slice(r * Units, Units), db);
        }

        if (!inputGradient.IsEmpty)
        {
            Gemm.Multiply(false, true, rows, inputs, Units, dy, Units, Parameters[0].Value, Units, inputGradient[..(rows * inputs)], inputs, accumulate: false);
        }
    }
}
