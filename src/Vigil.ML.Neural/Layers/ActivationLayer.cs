using System.Numerics.Tensors;

namespace Vigil.ML.Neural.Layers;

/// <summary>An element-wise activation function.</summary>
public enum ActivationFunction
{
    /// <summary>The identity, y = x; the settings name is "linear".</summary>
    Linear,

    /// <summary>The rectifier, y = max(x, 0); the settings name is "relu".</summary>
    Relu,

    /// <summary>The hyperbolic tangent; the settings name is "tanh".</summary>
    Tanh,

    /// <summary>The logistic sigmoid, y = 1 / (1 + e^−x); the settings name is "sigmoid".</summary>
    Sigmoid,

    /// <summary>The Gaussian error linear unit in its exact erf form, y = x·Φ(x) (Hendrycks &amp; Gimpel 2016); the settings name is "gelu".</summary>
    Gelu,
}

/// <summary>Applies an <see cref="ActivationFunction"/> to every value; the shape is unchanged and there are no parameters.</summary>
/// <remarks>
/// ReLU, tanh and sigmoid differentiate from the output (y' = [y &gt; 0], 1 − y², y(1 − y)); GELU (Hendrycks &amp; Gimpel 2016) uses the exact form
/// x·Φ(x) = ½x(1 + erf(x/√2)) and its exact derivative Φ(x) + x·φ(x), evaluated in double precision with an erfc approximation of fractional
/// error below 1.2e-7 (Press et al., Numerical Recipes, 2nd ed., §6.2, "erfcc"), i.e. at float resolution.
/// </remarks>
public sealed class ActivationLayer : Layer
{
    /// <summary>The settings key of <see cref="Function"/>.</summary>
    public const string FunctionKey = "function";

    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double InverseSqrt2Pi = 0.39894228040143267794;

    /// <summary>Creates an activation layer.</summary>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not a defined value.</exception>
    public ActivationLayer(ActivationFunction function)
    {
        if (!Enum.IsDefined(function))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "'function' must be relu, tanh, sigmoid, gelu or linear.");
        }

        Function = function;
    }

    /// <summary>The function applied.</summary>
    public ActivationFunction Function { get; }

    /// <inheritdoc />
    public override string Kind => "activation";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { [FunctionKey] = ToName(Function) };

    /// <summary>Rebuilds an unbuilt layer from <see cref="Settings"/> ("function": relu | tanh | sigmoid | gelu | linear).</summary>
    /// <exception cref="ArgumentException">The setting is missing, unknown or invalid (the message names it).</exception>
    public static ActivationLayer FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        SettingsReader.CheckKeys(settings, "activation", FunctionKey);
        var name = SettingsReader.OptionalString(settings, FunctionKey)
            ?? throw new ArgumentException("The activation setting 'function' is missing.", nameof(settings));
        return new ActivationLayer(name switch
        {
            "linear" => ActivationFunction.Linear,
            "relu" => ActivationFunction.Relu,
            "tanh" => ActivationFunction.Tanh,
            "sigmoid" => ActivationFunction.Sigmoid,
            "gelu" => ActivationFunction.Gelu,
            _ => throw new ArgumentException($"The activation setting 'function' must be relu, tanh, sigmoid, gelu or linear, got '{name}'.", nameof(settings)),
        });
    }

    /// <summary>The settings name of <paramref name="function"/>, e.g. "relu".</summary>
    public static string ToName(ActivationFunction function) => function switch
    {
        ActivationFunction.Linear => "linear",
        ActivationFunction.Relu => "relu",
        ActivationFunction.Tanh => "tanh",
        ActivationFunction.Sigmoid => "sigmoid",
        ActivationFunction.Gelu => "gelu",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown activation function."),
    };

    /// <inheritdoc />
    protected override (SequenceShape Output, IReadOnlyList<Parameter> Parameters) OnBuild(SequenceShape input) => (input, []);

    /// <inheritdoc />
    public override void Initialize(Random random)
    {
    }

    /// <inheritdoc />
    public override void Forward(LayerState state, ReadOnlySpan<float> input, Span<float> output, int batch, ForwardMode mode)
    {
        var n = batch * InputShape.Size;
        var x = input[..n];
        var y = output[..n];
        switch (Function)
        {
            case ActivationFunction.Linear:
                x.CopyTo(y);
                break;
            case ActivationFunction.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case ActivationFunction.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case ActivationFunction.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            default:
                for (var i = 0; i < n; i++)
                {
                    double v = x[i];
                    y[i] = (float)(v * NormalCdf(v));
                }

                break;
        }
    }

    /// <inheritdoc />
    public override void Backward(LayerState state, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var n = batch * InputShape.Size;
        var dy = outputGradient[..n];
        var dx = inputGradient[..n];
        var y = output[..n];
        switch (Function)
        {
            case ActivationFunction.Linear:
                dy.CopyTo(dx);
                break;
            case ActivationFunction.Relu:
                for (var i = 0; i < n; i++)
                {
                    dx[i] = y[i] > 0f ? dy[i] : 0f;
                }

                break;
            case ActivationFunction.Tanh:
                // dx = dy · (1 − y²)
                TensorPrimitives.Multiply(y, y, dx);
                TensorPrimitives.Subtract(1f, dx, dx);
                TensorPrimitives.Multiply(dx, dy, dx);
                break;
            case ActivationFunction.Sigmoid:
                // dx = dy · y · (1 − y)
                TensorPrimitives.Subtract(1f, y, dx);
                TensorPrimitives.Multiply(dx, y, dx);
                TensorPrimitives.Multiply(dx, dy, dx);
                break;
            default:
                var x = input[..n];
                for (var i = 0; i < n; i++)
                {
                    double v = x[i];
                    var derivative = NormalCdf(v) + v * InverseSqrt2Pi * Math.Exp(-0.5 * v * v);
                    dx[i] = (float)(dy[i] * derivative);
                }

                break;
        }
    }

    /// <summary>Φ(x) = ½ erfc(−x/√2), the standard normal CDF.</summary>
    internal static double NormalCdf(double x) => 0.5 * Erfc(-x * InverseSqrt2);

    /// <summary>The complementary error function with fractional error below 1.2e-7 everywhere (Numerical Recipes' Chebyshev fit "erfcc").</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var ans = t * Math.Exp(poly);
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>The error function, 1 − erfc(x).</summary>
    internal static double Erf(double x) => 1.0 - Erfc(x);
}
