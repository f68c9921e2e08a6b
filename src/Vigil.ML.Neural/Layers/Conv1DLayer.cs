using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Layers;

/// <summary>A 1-D convolution over steps: (T, C) → (T', filters), computed as im2col followed by one GEMM.</summary>
/// <remarks>
/// <para>
/// Output step t reads input steps t·stride + k·dilation − padBefore for k = 0 … kernelSize − 1 (dilated convolution as in
/// Yu &amp; Koltun 2016; 1-D temporal convolution as in Waibel et al. 1989 / LeCun et al. 1998). With <see cref="Padding.Valid"/>
/// T' = ⌊(T − span) / stride⌋ + 1 where span = dilation·(kernelSize − 1) + 1; with <see cref="Padding.Same"/> T' = ⌈T / stride⌉ and the
/// total zero padding max((T' − 1)·stride + span − T, 0) is split with the smaller half before the sequence and the extra step (if the total
/// is odd, e.g. for even kernels) after it — the TensorFlow/Keras convention.
/// </para>
/// <para>
/// Parameters: "weight" [kernelSize·C × filters], row k·C + c holding tap k of channel c (so the im2col matrix [T' × kernelSize·C] times the
/// weight is one GEMM), initialized Glorot- or He-uniform with fanIn = kernelSize·C and fanOut = kernelSize·filters; "bias" [filters] (zeros, no decay).
/// Backward: dW += colsᵀ·dY, db = column sums of dY, dCols = dY·Wᵀ scattered back (col2im, adding overlaps) into dX.
/// </para>
/// </remarks>
public sealed class Conv1DLayer : Layer
{
    /// <summary>The settings key of <see cref="Filters"/>.</summary>
    public const string FiltersKey = "filters";

    /// <summary>The settings key of <see cref="KernelSize"/>.</summary>
    public const string KernelSizeKey = "kernelSize";

    /// <summary>The settings key of <see cref="Stride"/>.</summary>
    public const string StrideKey = "stride";

    /// <summary>The settings key of <see cref="Dilation"/>.</summary>
    public const string DilationKey = "dilation";

    /// <summary>The settings key of <see cref="Padding"/>.</summary>
    public const string PaddingKey = "padding";

    /// <summary>The settings key of <see cref="Initialization"/>.</summary>
    public const string InitKey = "init";

    private int _padBefore;

    /// <summary>Creates a convolution layer.</summary>
    /// <exception cref="ArgumentException">A size is not positive or an enum value is undefined (the message names the option).</exception>
    public Conv1DLayer(int filters, int kernelSize, int stride = 1, int dilation = 1, Padding padding = Padding.Valid, WeightInitialization init = WeightInitialization.Glorot)
    {
        if (filters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(filters), filters, "'filters' must be at least 1.");
        }

        if (kernelSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "'kernelSize' must be at least 1.");
        }

        if (stride < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "'stride' must be at least 1.");
        }

        if (dilation < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dilation), dilation, "'dilation' must be at least 1.");
        }

        if (!Enum.IsDefined(padding))
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "'padding' must be Valid or Same.");
        }

        WeightInitializationExtensions.Validate(init, nameof(init));
        Filters = filters;
        KernelSize = kernelSize;
        Stride = stride;
        Dilation = dilation;
        Padding = padding;
        Initialization = init;
    }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The number of taps per filter.</summary>
    public int KernelSize { get; }

    /// <summary>The step between consecutive windows.</summary>
    public int Stride { get; }

    /// <summary>The step between consecutive taps of a window.</summary>
    public int Dilation { get; }

    /// <summary>How the sequence ends are treated.</summary>
    public Padding Padding { get; }

    /// <summary>How the weight is initialized.</summary>
    public WeightInitialization Initialization { get; }

    /// <summary>The number of input steps one window covers, dilation·(kernelSize − 1) + 1.</summary>
    public int Span => Dilation * (KernelSize - 1) + 1;

    /// <inheritdoc />
    public override string Kind => "conv1d";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [FiltersKey] = SettingsReader.Format(Filters),
        [KernelSizeKey] = SettingsReader.Format(KernelSize),
        [StrideKey] = SettingsReader.Format(Stride),
        [DilationKey] = SettingsReader.Format(Dilation),
        [PaddingKey] = Padding == Padding.Same ? "same" : "valid",
        [InitKey] = Initialization.ToSettingsName(),
    };

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("filters" and "kernelSize" required; "stride" and "dilation" default 1, "padding" "valid" | "same" defaults to valid, "init" "glorot" | "he").</summary>
    /// <exception cref="ArgumentException">A setting is missing, unknown or invalid (the message names it).</exception>
    public static Conv1DLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "conv1d", FiltersKey, KernelSizeKey, StrideKey, DilationKey, PaddingKey, InitKey);
        var padding = SettingsReader.OptionalString(settings, PaddingKey) switch
        {
            null or "valid" => Padding.Valid,
            "same" => Padding.Same,
            var other => throw new ArgumentException($"The conv1d setting 'padding' must be \"same\" or \"valid\", got '{other}'.", nameof(settings)),
        };
        return new Conv1DLayer(
            SettingsReader.RequiredInt(settings, "conv1d", FiltersKey),
            SettingsReader.RequiredInt(settings, "conv1d", KernelSizeKey),
            SettingsReader.OptionalInt(settings, "conv1d", StrideKey, 1),
            SettingsReader.OptionalInt(settings, "conv1d", DilationKey, 1),
            padding,
            WeightInitializationExtensions.Parse("conv1d", SettingsReader.OptionalString(settings, InitKey)));
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input)
    {
        int steps;
        if (Padding == Padding.Same)
        {
            steps = (input.Steps + Stride - 1) / Stride;
            var total = Math.Max((steps - 1) * Stride + Span - input.Steps, 0);
            _padBefore = total / 2;
        }
        else
        {
            if (input.Steps < Span)
            {
                throw new ArgumentException(
                    $"A conv1d layer with kernelSize {KernelSize} and dilation {Dilation} and padding valid spans {Span} steps; the input {input} has only {input.Steps}.",
                    nameof(input));
            }

            steps = (input.Steps - Span) / Stride + 1;
            _padBefore = 0;
        }

        var rows = checked(KernelSize * input.Channels);
        return (new SequenceShape(steps, Filters),
            [new Parameter("weight", [rows, Filters], decays: true), new Parameter("bias", [Filters], decays: false)]);
    }

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
        Initialization.Fill(Parameters[0].Value, KernelSize * InputShape.Channels, KernelSize * Filters, random);
        Array.Clear(Parameters[1].Value);
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var s = (State)state;
        var width = KernelSize * InputShape.Channels;
        var rows = batch * OutputShape.Steps;
        var cols = s.Columns.AsSpan(0, rows * width);
        var y = output[..(rows * Filters)];
        var x = input[..(batch * InputShape.Size)];

        Im2Col(x, cols, batch);
        Gemm.Multiply(false, false, rows, Filters, width, cols, width, Parameters[0].Value, Filters, y, Filters, accumulate: false);
        ReadOnlySpan<float> bias = Parameters[1].Value;
        for (var r = 0; r < rows; r++)
        {
            var row = y.Slice(r * Filters, Filters);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        var s = (State)state;
        var width = KernelSize * InputShape.Channels;
        var rows = batch * OutputShape.Steps;
        var cols = s.Columns.AsSpan(0, rows * width);
        var dy = outputGradient[..(rows * Filters)];

        Gemm.Multiply(true, false, width, Filters, rows, cols, width, dy, Filters, s.Gradients[0], Filters, accumulate: true);
        Span<float> db = s.Gradients[1];
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(db, dy.Slice(r * Filters, Filters), db);
        }

        if (inputGradient.IsEmpty)
        {
            return;
        }

        var dCols = s.ColumnGradients.AsSpan(0, rows * width);
        Gemm.Multiply(false, true, rows, width, Filters, dy, Filters, Parameters[0].Value, Filters, dCols, width, accumulate: false);
        Col2Im(dCols, inputGradient[..(batch * InputShape.Size)], batch);
    }

    private void Im2Col(ReadOnlySpan<float> x, Span<float> cols, int batch)
    {
        var channels = InputShape.Channels;
        var inSteps = InputShape.Steps;
        var outSteps = OutputShape.Steps;
        var width = KernelSize * channels;
        for (var b = 0; b < batch; b++)
        {
            var example = x.Slice(b * inSteps * channels, inSteps * channels);
            for (var t = 0; t < outSteps; t++)
            {
                var row = cols.Slice((b * outSteps + t) * width, width);
                var start = t * Stride - _padBefore;
                for (var k = 0; k < KernelSize; k++)
                {
                    var source = start + k * Dilation;
                    var target = row.Slice(k * channels, channels);
                    if ((uint)source < (uint)inSteps)
                    {
                        example.Slice(source * channels, channels).CopyTo(target);
                    }
                    else
                    {
                        target.Clear();
                    }
                }
            }
        }
    }

    private void Col2Im(ReadOnlySpan<float> dCols, Span<float> dx, int batch)
    {
        var channels = InputShape.Channels;
        var inSteps = InputShape.Steps;
        var outSteps = OutputShape.Steps;
        var width = KernelSize * channels;
        dx.Clear();
        for (var b = 0; b < batch; b++)
        {
            var example = dx.Slice(b * inSteps * channels, inSteps * channels);
            for (var t = 0; t < outSteps; t++)
            {
                var row = dCols.Slice((b * outSteps + t) * width, width);
                var start = t * Stride - _padBefore;
                for (var k = 0; k < KernelSize; k++)
                {
                    var source = start + k * Dilation;
                    if ((uint)source < (uint)inSteps)
                    {
                        var target = example.Slice(source * channels, channels);
                        TensorPrimitives.Add(target, row.Slice(k * channels, channels), target);
                    }
                }
            }
        }
    }

    /// <summary>The im2col matrix of the last forward pass and the scratch for its gradient.</summary>
    private sealed class State : LayerState
    {
        public State(Conv1DLayer layer, int maxBatch)
            : base(layer, maxBatch)
        {
            var size = checked(maxBatch * layer.OutputShape.Steps * layer.KernelSize * layer.InputShape.Channels);
            Columns = new float[size];
            ColumnGradients = new float[size];
        }

        public float[] Columns { get; }

        public float[] ColumnGradients { get; }
    }
}
