using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Vigil.ML.Neural.Layers;

/// <summary>A gated recurrent unit layer over a (steps × features) sequence, returning every hidden state or only the last one.</summary>
/// <remarks>
/// <para>
/// Cho et al. (2014), "Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation", in PyTorch's
/// formulation (reset gate applied after the recurrent product, with its own recurrent bias):
/// r = σ(x·W_ir + b_ir + h·W_hr + b_hr), z = σ(x·W_iz + b_iz + h·W_hz + b_hz), n = tanh(x·W_in + b_in + r ⊙ (h·W_hn + b_hn)),
/// h' = (1 − z) ⊙ n + z ⊙ h; h_{−1} = 0.
/// </para>
/// <para>
/// Parameters: "input_weight" [features × 3·units], "recurrent_weight" [units × 3·units], "input_bias" [3·units] and
/// "recurrent_bias" [3·units] (biases without weight decay); columns are grouped by gate in the order r, z, n, so PyTorch's
/// weight_ih_l0 is the transpose of input_weight.
/// </para>
/// <para>
/// Initialization: input weights Glorot-uniform over the whole [features × 3·units] matrix (Glorot &amp; Bengio 2010), each gate's
/// units × units block of the recurrent weights an independent random orthogonal matrix (Saxe et al. 2014; Gram–Schmidt on a
/// standard-normal matrix), biases zero.
/// </para>
/// <para>
/// Speed: the input projection of all steps is one GEMM; each step computes h_{t−1}·W_hh for the whole batch with one GEMM through
/// strided leading dimensions, then a gate kernel on contiguous gate blocks. Back-propagation through time runs a fused gate-gradient
/// kernel and one GEMM per step for the recurrent carry (against a copy of W_hhᵀ made once per pass), then the weight gradients and the input gradient as one GEMM each over all
/// batch·steps rows. Nothing is allocated after <see cref="CreateState"/>.
/// </para>
/// </remarks>
public sealed class GruLayer : Layer
{
    private const int Gates = 3;

    /// <summary>Creates an unbuilt GRU layer.</summary>
    /// <param name="units">The hidden size (positive).</param>
    /// <param name="returnSequences">True to output every step's hidden state (steps × units); false for the last one only (1 × units).</param>
    /// <exception cref="ArgumentException"><paramref name="units"/> is not positive.</exception>
    public GruLayer(int units, bool returnSequences = false)
    {
        if (units < 1)
        {
            throw new ArgumentException($"The gru option 'units' must be positive, not {units}.", nameof(units));
        }

        Units = units;
        ReturnSequences = returnSequences;
    }

    /// <summary>The hidden size.</summary>
    public int Units { get; }

    /// <summary>Whether every step's hidden state is output (else only the last step's).</summary>
    public bool ReturnSequences { get; }

    /// <inheritdoc />
    public override string Kind => "gru";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => RecurrentSupport.Settings(Units, ReturnSequences);

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("units", "returnSequences").</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public static GruLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        var (units, returnSequences) = RecurrentSupport.ParseSettings(settings, "gru");
        return new GruLayer(units, returnSequences);
    }

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input)
    {
        var width = Gates * Units;
        var output = ReturnSequences ? new SequenceShape(input.Steps, Units) : SequenceShape.Dense(Units);
        return (output,
        [
            new Parameter("input_weight", [input.Channels, width], decays: true),
            new Parameter("recurrent_weight", [Units, width], decays: true),
            new Parameter("input_bias", [width], decays: false),
            new Parameter("recurrent_bias", [width], decays: false),
        ]);
    }

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        RecurrentSupport.GlorotUniform(Parameters[0].Value, InputShape.Channels, Gates * Units, random);
        RecurrentSupport.OrthogonalBlocks(Parameters[1].Value, Units, Gates, random);
        Array.Clear(Parameters[2].Value);
        Array.Clear(Parameters[3].Value);
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        RecurrentSupport.CheckForward(this, state, input, output, batch);
        var s = state as State ?? throw new ArgumentException("The state was not created by this gru layer.", nameof(state));
        int steps = InputShape.Steps, features = InputShape.Channels, h = Units, width = Gates * h, rows = batch * steps;
        var training = mode.Training;
        var wHh = Parameters[1].Value;
        ReadOnlySpan<float> inputBias = Parameters[2].Value;
        ReadOnlySpan<float> recurrentBias = Parameters[3].Value;
        var inputGates = s.InputGates.AsSpan(0, rows * width);

        // Input projection of every step at once, plus the input bias.
        Gemm.Multiply(false, false, rows, width, features, input[..(rows * features)], features, Parameters[0].Value, width, inputGates, width, accumulate: false);
        for (var r = 0; r < rows; r++)
        {
            var g = inputGates.Slice(r * width, width);
            TensorPrimitives.Add(g, inputBias, g);
        }

        // Training keeps h·W_hh + b_hh and h_{t−1} of every step; inference keeps one step of the former and reads h_{t−1} from the output.
        var hiddenGates = training ? s.HiddenGates.AsSpan(0, rows * width) : s.HiddenGates.AsSpan(0, batch * width);
        var hiddenGatesStride = training ? steps * width : width;
        var previous = training ? s.Previous.AsSpan(0, rows * h) : [];
        var previousStride = training ? steps * h : ReturnSequences ? steps * h : h;
        if (training)
        {
            for (var b = 0; b < batch; b++)
            {
                previous.Slice(b * steps * h, h).Clear();
            }
        }

        for (var t = 0; t < steps; t++)
        {
            var stepHiddenGates = training ? hiddenGates[(t * width)..] : hiddenGates;
            if (t > 0)
            {
                ReadOnlySpan<float> source = training ? previous[(t * h)..] : ReturnSequences ? output[((t - 1) * h)..] : output;
                Gemm.Multiply(false, false, batch, width, h, source, previousStride, wHh, width, stepHiddenGates, hiddenGatesStride, accumulate: false);
            }

            for (var b = 0; b < batch; b++)
            {
                var row = b * steps + t;
                var a = inputGates.Slice(row * width, width);
                var hh = stepHiddenGates.Slice(b * hiddenGatesStride, width);
                if (t > 0)
                {
                    TensorPrimitives.Add(hh, recurrentBias, hh);
                }
                else
                {
                    recurrentBias.CopyTo(hh);
                }

                var rz = a[..(2 * h)];
                TensorPrimitives.Add(rz, hh[..(2 * h)], rz);
                TensorPrimitives.Sigmoid(rz, rz);
                var n = a.Slice(2 * h, h);
                TensorPrimitives.MultiplyAdd(a[..h], hh.Slice(2 * h, h), n, n);
                TensorPrimitives.Tanh(n, n);
                var z = a.Slice(h, h);

                var last = t == steps - 1;
                Span<float> target;
                ReadOnlySpan<float> hPrevious;
                if (training)
                {
                    target = !last ? previous.Slice((row + 1) * h, h) : output.Slice((ReturnSequences ? row : b) * h, h);
                    hPrevious = previous.Slice(row * h, h);
                }
                else if (t == 0)
                {
                    target = output.Slice((ReturnSequences ? row : b) * h, h);
                    hPrevious = [];
                }
                else
                {
                    target = output.Slice((ReturnSequences ? row : b) * h, h);
                    hPrevious = ReturnSequences ? output.Slice((row - 1) * h, h) : target;
                }

                // h' = n + z ⊙ (h − n); at t = 0, h = 0.
                if (t == 0)
                {
                    TensorPrimitives.Multiply(z, n, target);
                    TensorPrimitives.Subtract(n, target, target);
                }
                else
                {
                    TensorPrimitives.Subtract(hPrevious, n, target);
                    TensorPrimitives.MultiplyAdd(z, target, n, target);
                }

                if (training && !last && ReturnSequences)
                {
                    target.CopyTo(output.Slice(row * h, h));
                }
            }
        }

        s.TrainedBatch = training ? batch : 0;
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        var s = state as State ?? throw new ArgumentException("The state was not created by this gru layer.", nameof(state));
        if (s.TrainedBatch != batch)
        {
            throw new InvalidOperationException($"The gru backward pass needs a training-mode forward pass on the same state with batch {batch}.");
        }

        int steps = InputShape.Steps, features = InputShape.Channels, h = Units, width = Gates * h, rows = batch * steps;
        if (outputGradient.Length < batch * OutputShape.Size)
        {
            throw new ArgumentException($"The gru output gradient holds {outputGradient.Length} floats; a batch of {batch} needs {batch * OutputShape.Size}.", nameof(outputGradient));
        }

        var wIh = Parameters[0].Value;
        // W_hhᵀ once per pass, so the per-step carry products read a row-major right-hand side (faster than a transposed one).
        var recurrentTransposed = s.RecurrentTransposed.AsSpan();
        RecurrentSupport.Transpose(Parameters[1].Value, h, width, recurrentTransposed);
        ReadOnlySpan<float> activations = s.InputGates.AsSpan(0, rows * width);
        ReadOnlySpan<float> hiddenGates = s.HiddenGates.AsSpan(0, rows * width);
        ReadOnlySpan<float> previous = s.Previous.AsSpan(0, rows * h);
        var inputGateGradients = s.InputGateGradients.AsSpan(0, rows * width);
        var hiddenGateGradients = s.HiddenGateGradients.AsSpan(0, rows * width);
        var dh = s.HiddenCarry.AsSpan(0, batch * h);
        dh.Clear();

        for (var t = steps - 1; t >= 0; t--)
        {
            for (var b = 0; b < batch; b++)
            {
                var row = b * steps + t;
                var dhRow = dh.Slice(b * h, h);
                if (ReturnSequences)
                {
                    TensorPrimitives.Add(dhRow, outputGradient.Slice(row * h, h), dhRow);
                }
                else if (t == steps - 1)
                {
                    outputGradient.Slice(b * h, h).CopyTo(dhRow);
                }

                GateGradients(
                    activations.Slice(row * width, width), hiddenGates.Slice(row * width + 2 * h, h),
                    t > 0 ? previous.Slice(row * h, h) : [], dhRow,
                    inputGateGradients.Slice(row * width, width), hiddenGateGradients.Slice(row * width, width));
            }

            if (t > 0)
            {
                // dh_{t−1} = dh_t ⊙ z (left in the carry by the kernel) + dGH_t · W_hhᵀ.
                Gemm.Multiply(false, false, batch, h, width, hiddenGateGradients[(t * width)..], steps * width, recurrentTransposed, h, dh, h, accumulate: true);
            }
        }

        Gemm.Multiply(true, false, features, width, rows, input[..(rows * features)], features, inputGateGradients, width, s.Gradients[0], width, accumulate: true);
        if (steps > 1)
        {
            Gemm.Multiply(true, false, h, width, rows, previous, h, hiddenGateGradients, width, s.Gradients[1], width, accumulate: true);
        }

        RecurrentSupport.AddColumnSums(inputGateGradients, rows, width, s.Gradients[2]);
        RecurrentSupport.AddColumnSums(hiddenGateGradients, rows, width, s.Gradients[3]);
        if (!inputGradient.IsEmpty)
        {
            Gemm.Multiply(false, true, rows, features, width, inputGateGradients, width, wIh, width, inputGradient, features, accumulate: false);
        }
    }

    /// <summary>
    /// One example's step: from the activations (r, z, n), h_{t−1}·W_hn + b_hn, h_{t−1} (empty at t = 0) and dL/dh_t, writes the
    /// gradients of the input pre-activations and of the recurrent products (they differ in the n block by the factor r) and
    /// replaces dL/dh_t with its direct part dL/dh_t ⊙ z.
    /// </summary>
    private static void GateGradients(ReadOnlySpan<float> gates, ReadOnlySpan<float> hiddenN, ReadOnlySpan<float> previous, Span<float> dh, Span<float> dInput, Span<float> dHidden)
    {
        var h = dh.Length;
        _ = gates[3 * h - 1];
        _ = dInput[3 * h - 1];
        _ = dHidden[3 * h - 1];
        _ = hiddenN[h - 1];
        var hasPrevious = !previous.IsEmpty;
        if (hasPrevious)
        {
            _ = previous[h - 1];
        }

        ref var gr = ref MemoryMarshal.GetReference(gates);
        ref var hnr = ref MemoryMarshal.GetReference(hiddenN);
        ref var pr = ref MemoryMarshal.GetReference(previous);
        ref var dhr = ref MemoryMarshal.GetReference(dh);
        ref var dir = ref MemoryMarshal.GetReference(dInput);
        ref var dgr = ref MemoryMarshal.GetReference(dHidden);
        nuint u = (nuint)h, u2 = 2 * u;
        nuint j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            var count = (nuint)Vector<float>.Count;
            for (; j + count <= u; j += count)
            {
                var r = Vector.LoadUnsafe(ref gr, j);
                var z = Vector.LoadUnsafe(ref gr, u + j);
                var n = Vector.LoadUnsafe(ref gr, u2 + j);
                var d = Vector.LoadUnsafe(ref dhr, j);
                var hp = hasPrevious ? Vector.LoadUnsafe(ref pr, j) : Vector<float>.Zero;
                var dn = d * (one - z) * (one - n * n);
                var dz = d * (hp - n) * z * (one - z);
                var dr = dn * Vector.LoadUnsafe(ref hnr, j) * r * (one - r);
                dr.StoreUnsafe(ref dir, j);
                dr.StoreUnsafe(ref dgr, j);
                dz.StoreUnsafe(ref dir, u + j);
                dz.StoreUnsafe(ref dgr, u + j);
                dn.StoreUnsafe(ref dir, u2 + j);
                (dn * r).StoreUnsafe(ref dgr, u2 + j);
                (d * z).StoreUnsafe(ref dhr, j);
            }
        }

        for (; j < u; j++)
        {
            var r = At(ref gr, j);
            var z = At(ref gr, u + j);
            var n = At(ref gr, u2 + j);
            var d = At(ref dhr, j);
            var hp = hasPrevious ? At(ref pr, j) : 0f;
            var dn = d * (1f - z) * (1f - n * n);
            var dz = d * (hp - n) * z * (1f - z);
            var dr = dn * At(ref hnr, j) * r * (1f - r);
            At(ref dir, j) = dr;
            At(ref dgr, j) = dr;
            At(ref dir, u + j) = dz;
            At(ref dgr, u + j) = dz;
            At(ref dir, u2 + j) = dn;
            At(ref dgr, u2 + j) = dn * r;
            At(ref dhr, j) = d * z;
        }
    }

    private static ref float At(ref float origin, nuint offset) => ref System.Runtime.CompilerServices.Unsafe.Add(ref origin, offset);

    private sealed class State : LayerState
    {
        public State(GruLayer layer, int maxBatch)
            : base(layer, maxBatch)
        {
            var rows = maxBatch * layer.InputShape.Steps;
            var h = layer.Units;
            var width = GruLayer.Gates * h;
            InputGates = new float[rows * width];
            HiddenGates = new float[rows * width];
            InputGateGradients = new float[rows * width];
            HiddenGateGradients = new float[rows * width];
            Previous = new float[rows * h];
            HiddenCarry = new float[maxBatch * h];
            RecurrentTransposed = new float[layer.Parameters[1].Length];
        }

        /// <summary>[batch, steps, 3·units]: x·W_ih + b_ih, then the activations (r, z, n).</summary>
        public float[] InputGates { get; }

        /// <summary>[batch, steps, 3·units]: h_{t−1}·W_hh + b_hh (inference uses the first batch rows for one step).</summary>
        public float[] HiddenGates { get; }

        public float[] InputGateGradients { get; }

        public float[] HiddenGateGradients { get; }

        /// <summary>[batch, steps, units]: h_{t−1} (zero at t = 0), the shifted hidden states.</summary>
        public float[] Previous { get; }

        public float[] HiddenCarry { get; }

        /// <summary>[gates·units × units]: W_hhᵀ, refreshed by each backward pass.</summary>
        public float[] RecurrentTransposed { get; }

        /// <summary>The batch of the last training-mode forward pass (0 after an inference pass).</summary>
        public int TrainedBatch { get; set; }
    }
}
