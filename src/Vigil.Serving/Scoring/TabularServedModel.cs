using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.Serving.Inputs;

namespace Vigil.Serving.Scoring;

/// <summary>A served <see cref="TabularClassifier"/> or <see cref="TabularRegressor"/>: scores through <see cref="TabularScoring"/>. Immutable and thread-safe.</summary>
internal sealed class TabularServedModel : IServedModel, IRecordSchemaSource
{
    private readonly ITabularModel _model;

    public TabularServedModel(ITabularModel model, ModelIdentity identity)
    {
        _model = model;
        Identity = identity;
        Kind = model is TabularClassifier ? ServedModels.ClassifierKind : ServedModels.RegressorKind;
        InputSchema = model.RawInputSchema();
        RecordSchema = new RecordSchema(InputSchema);
    }

    public ModelIdentity Identity { get; }

    public ModelTask Task => _model.Task;

    public string Kind { get; }

    public FrameSchema InputSchema { get; }

    public RecordSchema RecordSchema { get; }

    public ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            return TabularScoring.Predict(_model, records, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or KeyNotFoundException or FormatException)
        {
            // The decoder checks records against the schema; what remains (a feature step refusing a value) is still the caller's input.
            throw new InputValidationException($"The model rejected the input: {ex.Message}", ex);
        }
    }
}
