using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Vigil.ML.Neural.Layers;

/// <summary>A long short-term memory layer over a (steps × features) sequence, returning every hidden state or only the last one.</summary>
/// <remarks>
/// <para>
/// Hochreiter &amp; Schmidhuber (1997), "Long Short-Term Memory", with the forget gate of Gers, Schmidhuber &amp; Cummins (2000),
/// "Learning to Forget". With gates in PyTorch order (i, f, g, o) and pre-activations a = x·W_ih + h_{t−1}·W_hh + b:
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t); h_{−1} = c_{−1} = 0.
/// </para>
/// <para>
/// Parameters: "input_weight" [features × 4·units], "recurrent_weight" [units × 4·units] and one "bias" [4·units] (no weight decay);
/// columns are grouped by gate in the order i, f, g, o, so PyTorch's weight_ih_l0 is the transpose of input_weight and its two
/// biases sum to bias.
/// </para>
/// <para>
/// Initialization: input weights Glorot-uniform over the whole [features × 4·units] matrix (Glorot &amp; Bengio 2010), each gate's
/// units × units block of the recurrent weights an independent random orthogonal matrix (Saxe et al. 2014; Gram–Schmidt on a
/// standard-normal matrix), biases zero except the forget-gate bias, which is 1 (Jozefowicz, Zaremba &amp; Sutskever 2015).
/// </para>
/// <para>
/// Speed: the input projection of all steps is one GEMM ([batch·steps × features]·[features × 4·units]); each step adds
/// h_{t−1}·W_hh with one GEMM over the batch that reads and writes the step-major buffers in place through strided leading dimensions;
/// the gate nonlinearities and the cell update run on contiguous gate blocks. Back-propagation through time runs a fused gate-gradient
/// kernel and one GEMM per step for the recurrent carry (against a copy of W_hhᵀ made once per pass), then the weight gradients and the input gradient as one GEMM each over all
/// batch·steps rows. Nothing is allocated after <see cref="CreateState"/>.
/// </para>
/// </remarks>
public sealed class LstmLayer : Layer
{
    private const int Gates = 4;

    /// <summary>Creates an unbuilt LSTM layer.</summary>
    /// <param name="units">The hidden size (positive).</param>
    /// <param name="returnSequences">True to output every step's hidden state (steps × units); false for the last one only (1 × units).</param>
    /// <exception cref="ArgumentException"><paramref name="units"/> is not positive.</exception>
    public LstmLayer(int units, bool returnSequences = false)
    {
        if (units < 1)
        {
            throw new ArgumentException($"The lstm option 'units' must be positive, not {units}.", nameof(units));
        }

        Units = units;
        ReturnSequences = returnSequences;
    }

    /// <summary>The hidden size.</summary>
    public int Units { get; }

    /// <summary>Whether every step's hidden state is output (else only the last step's).</summary>
    public bool ReturnSequences { get; }

    /// <inheritdoc />
    public override string Kind => "lstm";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => RecurrentSupport.Settings(Units, ReturnSequences);

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("units", "returnSequences").</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public static LstmLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        var (units, returnSequences) = RecurrentSupport.ParseSettings(settings, "lstm");
        return new LstmLayer(units, returnSequences);
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
            new Parameter("bias", [width], decays: false),
        ]);
    }

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var width = Gates * Units;
        RecurrentSupport.GlorotUniform(Parameters[0].Value, InputShape.Channels, width, random);
        RecurrentSupport.OrthogonalBlocks(Parameters[1].Value, Units, Gates, random);
        var bias = Parameters[2].Value.AsSpan();
        bias.Clear();
        bias.Slice(Units, Units).Fill(1f);
    }

    /// <inheritdoc />
    public override LayerState CreateState(int maxBatch) => new State(this, maxBatch);

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        RecurrentSupport.CheckForward(this, state, input, output, batch);
        var s = state as State ?? throw new ArgumentException("The state was not created by this lstm layer.", nameof(state));
        int steps = InputShape.Steps, features = InputShape.Channels, h = Units, width = Gates * h, rows = batch * steps;
        var wIh = Parameters[0].Value;
        var wHh = Parameters[1].Value;
        ReadOnlySpan<float> bias = Parameters[2].Value;
        var gates = s.Gates.AsSpan(0, rows * width);

        // Input projection of every step at once, plus the bias.
        Gemm.Multiply(false, false, rows, width, features, input[..(rows * features)], features, wIh, width, gates, width, accumulate: false);
        for (var r = 0; r < rows; r++)
        {
            var g = gates.Slice(r * width, width);
            TensorPrimitives.Add(g, bias, g);
        }

        if (mode.Training)
        {
            ForwardTraining(s, output, batch, steps, gates, wHh);
            s.TrainedBatch = batch;
        }
        else
        {
            ForwardInference(s, output, batch, steps, gates, wHh);
            s.TrainedBatch = 0;
        }
    }

    private void ForwardTraining(State s, Span<float> output, int batch, int steps, Span<float> gates, ReadOnlySpan<float> wHh)
    {
        int h = Units, width = Gates * h, rows = batch * steps;
        var previous = s.Previous.AsSpan(0, rows * h); // row (b, t) holds h_{t−1}; row (b, 0) stays zero
        var cells = s.Cells.AsSpan(0, rows * h);
        var tanhCells = s.TanhCells.AsSpan(0, rows * h);
        for (var b = 0; b < batch; b++)
        {
            previous.Slice(b * steps * h, h).Clear();
        }

        for (var t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                Gemm.Multiply(false, false, batch, width, h, previous[(t * h)..], steps * h, wHh, width, gates[(t * width)..], steps * width, accumulate: true);
            }

            for (var b = 0; b < batch; b++)
            {
                var row = b * steps + t;
                var g = gates.Slice(row * width, width);
                Activate(g, h);
                var c = cells.Slice(row * h, h);
                TensorPrimitives.Multiply(g.Slice(0, h), g.Slice(2 * h, h), c);
                if (t > 0)
                {
                    TensorPrimitives.MultiplyAdd(g.Slice(h, h), cells.Slice((row - 1) * h, h), c, c);
                }

                var tc = tanhCells.Slice(row * h, h);
                TensorPrimitives.Tanh(c, tc);
                var last = t == steps - 1;
                var target = !last ? previous.Slice((row + 1) * h, h) : output.Slice((ReturnSequences ? row : b) * h, h);
                TensorPrimitives.Multiply(g.Slice(3 * h, h), tc, target);
                if (!last && ReturnSequences)
                {
                    target.CopyTo(output.Slice(row * h, h));
                }
            }
        }
    }

    private void ForwardInference(State s, Span<float> output, int batch, int steps, Span<float> gates, ReadOnlySpan<float> wHh)
    {
        // Only the running cell state is kept; h_{t−1} is read from the output itself (every step's row, or the single row updated in place).
        int h = Units, width = Gates * h;
        var cells = s.RunningCell.AsSpan(0, batch * h);
        var hiddenStride = ReturnSequences ? steps * h : h;
        for (var t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                var previous = ReturnSequences ? output[((t - 1) * h)..] : output;
                Gemm.Multiply(false, false, batch, width, h, previous, hiddenStride, wHh, width, gates[(t * width)..], steps * width, accumulate: true);
            }

            for (var b = 0; b < batch; b++)
            {
                var row = b * steps + t;
                var g = gates.Slice(row * width, width);
                Activate(g, h);
                var c = cells.Slice(b * h, h);
                if (t == 0)
                {
                    TensorPrimitives.Multiply(g.Slice(0, h), g.Slice(2 * h, h), c);
                }
                else
                {
                    TensorPrimitives.Multiply(g.Slice(h, h), c, c);
                    TensorPrimitives.MultiplyAdd(g.Slice(0, h), g.Slice(2 * h, h), c, c);
                }

                var target = output.Slice((ReturnSequences ? row : b) * h, h);
                TensorPrimitives.Tanh(c, target);
                TensorPrimitives.Multiply(target, g.Slice(3 * h, h), target);
            }
        }
    }

    private static void Activate(Span<float> g, int h)
    {
        TensorPrimitives.Sigmoid(g[..(2 * h)], g[..(2 * h)]);
        TensorPrimitives.Tanh(g.Slice(2 * h, h), g.Slice(2 * h, h));
        TensorPrimitives.Sigmoid(g.Slice(3 * h, h), g.Slice(3 * h, h));
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        var s = state as State ?? throw new ArgumentException("The state was not created by this lstm layer.", nameof(state));
        if (s.TrainedBatch != batch)
        {
            throw new InvalidOperationException($"The lstm backward pass needs a training-mode forward pass on the same state with batch {batch}.");
        }

        int steps = InputShape.Steps, features = InputShape.Channels, h = Units, width = Gates * h, rows = batch * steps;
        if (outputGradient.Length < batch * OutputShape.Size)
        {
            throw new ArgumentException($"The lstm output gradient holds {outputGradient.Length} floats; a batch of {batch} needs {batch * OutputShape.Size}.", nameof(outputGradient));
        }

        var wIh = Parameters[0].Value;
        // W_hhᵀ once per pass, so the per-step carry products read a row-major right-hand side (faster than a transposed one).
        var recurrentTransposed = s.RecurrentTransposed.AsSpan();
        RecurrentSupport.Transpose(Parameters[1].Value, h, width, recurrentTransposed);
        ReadOnlySpan<float> gates = s.Gates.AsSpan(0, rows * width);
        ReadOnlySpan<float> cells = s.Cells.AsSpan(0, rows * h);
        ReadOnlySpan<float> tanhCells = s.TanhCells.AsSpan(0, rows * h);
        var gateGradients = s.GateGradients.AsSpan(0, rows * width);
        var dh = s.HiddenCarry.AsSpan(0, batch * h);
        var dc = s.CellCarry.AsSpan(0, batch * h);
        dh.Clear();
        dc.Clear();

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
                    gates.Slice(row * width, width), tanhCells.Slice(row * h, h),
                    t > 0 ? cells.Slice((row - 1) * h, h) : [],
                    dhRow, dc.Slice(b * h, h), gateGradients.Slice(row * width, width));
            }

            if (t > 0)
            {
                // dh_{t−1} = dG_t · W_hhᵀ for the whole batch (overwrites the carry).
                Gemm.Multiply(false, false, batch, h, width, gateGradients[(t * width)..], steps * width, recurrentTransposed, h, dh, h, accumulate: false);
            }
        }

        Gemm.Multiply(true, false, features, width, rows, input[..(rows * features)], features, gateGradients, width, s.Gradients[0], width, accumulate: true);
        if (steps > 1)
        {
            Gemm.Multiply(true, false, h, width, rows, s.Previous.AsSpan(0, rows * h), h, gateGradients, width, s.Gradients[1], width, accumulate: true);
        }

        RecurrentSupport.AddColumnSums(gateGradients, rows, width, s.Gradients[2]);
        if (!inputGradient.IsEmpty)
        {
            Gemm.Multiply(false, true, rows, features, width, gateGradients, width, wIh, width, inputGradient, features, accumulate: false);
        }
    }

    /// <summary>
    /// One example's step: from the activations (i, f, g, o), tanh(c_t), c_{t−1} (empty at t = 0), dL/dh_t and the carried dL/dc_t,
    /// writes the pre-activation gradients and replaces the cell carry with dL/dc_{t−1} = dc ⊙ f.
    /// </summary>
    private static void GateGradients(ReadOnlySpan<float> gates, ReadOnlySpan<float> tanhCell, ReadOnlySpan<float> previousCell, ReadOnlySpan<float> dh, Span<float> dc, Span<float> dGates)
    {
        var h = dh.Length;
        _ = gates[4 * h - 1];
        _ = dGates[4 * h - 1];
        _ = tanhCell[h - 1];
        _ = dc[h - 1];
        var hasPrevious = !previousCell.IsEmpty;
        if (hasPrevious)
        {
            _ = previousCell[h - 1];
        }

        ref var gr = ref MemoryMarshal.GetReference(gates);
        ref var tcr = ref MemoryMarshal.GetReference(tanhCell);
        ref var pcr = ref MemoryMarshal.GetReference(previousCell);
        ref var dhr = ref MemoryMarshal.GetReference(dh);
        ref var dcr = ref MemoryMarshal.GetReference(dc);
        ref var dgr = ref MemoryMarshal.GetReference(dGates);
        nuint u = (nuint)h, f2 = 2 * u, f3 = 3 * u;
        nuint j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            var count = (nuint)Vector<float>.Count;
            for (; j + count <= u; j += count)
            {
                var i = Vector.LoadUnsafe(ref gr, j);
                var f = Vector.LoadUnsafe(ref gr, u + j);
                var g = Vector.LoadUnsafe(ref gr, f2 + j);
                var o = Vector.LoadUnsafe(ref gr, f3 + j);
                var tc = Vector.LoadUnsafe(ref tcr, j);
                var d = Vector.LoadUnsafe(ref dhr, j);
                var cGrad = Vector.LoadUnsafe(ref dcr, j) + d * o * (one - tc * tc);
                (cGrad * g * i * (one - i)).StoreUnsafe(ref dgr, j);
                var pc = hasPrevious ? Vector.LoadUnsafe(ref pcr, j) : Vector<float>.Zero;
                (cGrad * pc * f * (one - f)).StoreUnsafe(ref dgr, u + j);
                (cGrad * i * (one - g * g)).StoreUnsafe(ref dgr, f2 + j);
                (d * tc * o * (one - o)).StoreUnsafe(ref dgr, f3 + j);
                (cGrad * f).StoreUnsafe(ref dcr, j);
            }
        }

        for (; j < u; j++)
        {
            var i = At(ref gr, j);
            var f = At(ref gr, u + j);
            var g = At(ref gr, f2 + j);
            var o = At(ref gr, f3 + j);
            var tc = At(ref tcr, j);
            var d = At(ref dhr, j);
            var cGrad = At(ref dcr, j) + d * o * (1f - tc * tc);
            At(ref dgr, j) = cGrad * g * i * (1f - i);
            At(ref dgr, u + j) = hasPrevious ? cGrad * At(ref pcr, j) * f * (1f - f) : 0f;
            At(ref dgr, f2 + j) = cGrad * i * (1f - g * g);
            At(ref dgr, f3 + j) = d * tc * o * (1f - o);
            At(ref dcr, j) = cGrad * f;
        }
    }

    private static ref float At(ref float origin, nuint offset) => ref System.Runtime.CompilerServices.Unsafe.Add(ref origin, offset);

    private sealed class State : LayerState
    {
        public State(LstmLayer layer, int maxBatch)
            : base(layer, maxBatch)
        {
            var rows = maxBatch * layer.InputShape.Steps;
            var h = layer.Units;
            Gates = new float[rows * LstmLayer.Gates * h];
            GateGradients = new float[rows * LstmLayer.Gates * h];
            Cells = new float[rows * h];
            TanhCells = new float[rows * h];
            Previous = new float[rows * h];
            HiddenCarry = new float[maxBatch * h];
            RecurrentTransposed = new float[layer.Parameters[1].Length];
            CellCarry = new float[maxBatch * h];
            RunningCell = new float[maxBatch * h];
        }

        /// <summary>[batch, steps, 4·units]: pre-activations, then activations (i, f, g, o).</summary>
        public float[] Gates { get; }

        /// <summary>[batch, steps, 4·units]: dL/d(pre-activations).</summary>
        public float[] GateGradients { get; }

        /// <summary>[batch, steps, units]: c_t.</summary>
        public float[] Cells { get; }

        /// <summary>[batch, steps, units]: tanh(c_t).</summary>
        public float[] TanhCells { get; }

        /// <summary>[batch, steps, units]: h_{t−1} (zero at t = 0), the shifted hidden states.</summary>
        public float[] Previous { get; }

        public float[] HiddenCarry { get; }

        /// <summary>[gates·units × units]: W_hhᵀ, refreshed by each backward pass.</summary>
        public float[] RecurrentTransposed { get; }

        public float[] CellCarry { get; }

        /// <summary>[batch, units]: the inference path's cell state.</summary>
        public float[] RunningCell { get; }

        /// <summary>The batch of the last training-mode forward pass (0 after an inference pass).</summary>
        public int TrainedBatch { get; set; }
    }
}
