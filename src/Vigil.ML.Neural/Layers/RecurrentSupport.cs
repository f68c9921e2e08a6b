using System.Globalization;
using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Layers;

/// <summary>Initialization, settings and bookkeeping shared by the recurrent layers.</summary>
internal static class RecurrentSupport
{
    internal const string UnitsKey = "units";
    internal const string ReturnSequencesKey = "returnSequences";

    /// <summary>Fills <paramref name="weights"/> ([fanIn × fanOut]) uniformly in ±√(6 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010).</summary>
    internal static void GlorotUniform(Span<float> weights, int fanIn, int fanOut, Random random)
    {
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() * 2 - 1) * limit);
        }
    }

    /// <summary>
    /// Fills each of the <paramref name="gates"/> column blocks of <paramref name="weights"/> ([units × gates·units], row-major) with an
    /// independent orthogonal units × units matrix: modified Gram–Schmidt on a standard-normal matrix, which equals the Q of its QR
    /// factorization with a positive diagonal R and is therefore Haar-distributed (Saxe et al. 2014).
    /// </summary>
    internal static void OrthogonalBlocks(Span<float> weights, int units, int gates, Random random)
    {
        var q = new double[units * units]; // q[col * units + row]: column-major for cheap column operations
        for (var gate = 0; gate < gates; gate++)
        {
            for (var i = 0; i < q.Length; i++)
            {
                q[i] = StandardNormal(random);
            }

            for (var col = 0; col < units; col++)
            {
                var v = q.AsSpan(col * units, units);
                while (true)
                {
                    for (var prev = 0; prev < col; prev++)
                    {
                        var u = q.AsSpan(prev * units, units);
                        var dot = 0.0;
                        for (var r = 0; r < units; r++)
                        {
                            dot += u[r] * v[r];
                        }

                        for (var r = 0; r < units; r++)
                        {
                            v[r] -= dot * u[r];
                        }
                    }

                    var norm = 0.0;
                    for (var r = 0; r < units; r++)
                    {
                        norm += v[r] * v[r];
                    }

                    norm = Math.Sqrt(norm);
                    if (norm > 1e-6)
                    {
                        for (var r = 0; r < units; r++)
                        {
                            v[r] /= norm;
                        }

                        break;
                    }

                    // Numerically dependent column (probability ~0): draw it again.
                    for (var r = 0; r < units; r++)
                    {
                        v[r] = StandardNormal(random);
                    }
                }
            }

            var stride = gates * units;
            for (var row = 0; row < units; row++)
            {
                for (var col = 0; col < units; col++)
                {
                    weights[row * stride + gate * units + col] = (float)q[col * units + row];
                }
            }
        }
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − NextDouble() lies in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    internal static Dictionary<string, string> Settings(int units, bool returnSequences) => new()
    {
        [UnitsKey] = units.ToString(CultureInfo.InvariantCulture),
        [ReturnSequencesKey] = returnSequences ? "true" : "false",
    };

    internal static (int Units, bool ReturnSequences) ParseSettings(IReadOnlyDictionary<string, string> settings, string kind)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.TryGetValue(UnitsKey, out var unitsText)
            || !int.TryParse(unitsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var units))
        {
            throw new ArgumentException($"The {kind} settings need an integer '{UnitsKey}'.", nameof(settings));
        }

        var returnSequences = false;
        if (settings.TryGetValue(ReturnSequencesKey, out var text) && !bool.TryParse(text, out returnSequences))
        {
            throw new ArgumentException($"The {kind} setting '{ReturnSequencesKey}' must be true or false, not '{text}'.", nameof(settings));
        }

        return (units, returnSequences);
    }

    /// <summary>Adds the column sums of <paramref name="rows"/> ([count × width], contiguous) into <paramref name="sums"/>.</summary>
    internal static void AddColumnSums(ReadOnlySpan<float> rows, int count, int width, Span<float> sums)
    {
        sums = sums[..width];
        for (var r = 0; r < count; r++)
        {
            TensorPrimitives.Add(sums, rows.Slice(r * width, width), sums);
        }
    }

    /// <summary>Writes the transpose of <paramref name="source"/> ([rows × columns]) into <paramref name="destination"/> ([columns × rows]).</summary>
    internal static void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
    {
        source = source[..(rows * columns)];
        destination = destination[..(rows * columns)];
        for (var r = 0; r < rows; r++)
        {
            var row = source.Slice(r * columns, columns);
            for (var c = 0; c < row.Length; c++)
            {
                destination[c * rows + r] = row[c];
            }
        }
    }

    internal static void CheckForward(Layer layer, LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, state.MaxBatch);
        if (input.Length < batch * layer.InputShape.Size)
        {
            throw new ArgumentException($"The {layer.Kind} input holds {input.Length} floats; a batch of {batch} needs {batch * layer.InputShape.Size}.", nameof(input));
        }

        if (output.Length < batch * layer.OutputShape.Size)
        {
            throw new ArgumentException($"The {layer.Kind} output holds {output.Length} floats; a batch of {batch} needs {batch * layer.OutputShape.Size}.", nameof(output));
        }
    }
}
