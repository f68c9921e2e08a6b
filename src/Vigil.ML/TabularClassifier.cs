using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Preprocessing;

namespace Vigil.ML;

/// <summary>
/// A deployable classifier over data frames: the fitted encoding, the class labels, the trained model
/// and its metadata. This is what model files hold and what serving loads.
/// </summary>
public sealed class TabularClassifier : ITabularModel
{
    /// <summary>Bundles the parts, checking that the model's feature and class counts match the encoding and labels.</summary>
    public TabularClassifier(TabularEncoding encoding, ClassLabels labels, IClassifierModel model, ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        if (model.FeatureCount != encoding.FeatureCount)
        {
            throw new ArgumentException($"The model expects {model.FeatureCount} features but the encoding produces {encoding.FeatureCount}.", nameof(model));
        }

        if (model.ClassCount != labels.Count)
        {
            throw new ArgumentException($"The model scores {model.ClassCount} classes but there are {labels.Count} labels.", nameof(model));
        }

        Encoding = encoding;
        Labels = labels;
        Model = model;
        Info = info;
    }

    /// <summary>The fitted frame-to-features encoding.</summary>
    public TabularEncoding Encoding { get; }

    /// <summary>The class labels in class-index order.</summary>
    public ClassLabels Labels { get; }

    /// <summary>The trained model.</summary>
    public IClassifierModel Model { get; }

    /// <summary>How the model was trained and evaluated.</summary>
    public ModelInfo Info { get; }

    /// <inheritdoc/>
    public IFittedFrameTransform? Preprocessor { get; private init; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>The binary decision threshold in use: the tuned one from <see cref="ModelInfo.DecisionThreshold"/>, else 0.5.</summary>
    public double DecisionThreshold => Info.DecisionThreshold ?? 0.5;

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Classification;

    /// <inheritdoc/>
    public string TargetName => Labels.TargetName;

    /// <inheritdoc/>
    object ITabularModel.CoreModel => Model;

    /// <summary>Applies a fitted feature pipeline to the training frame, then fits the encoding and the learner; the result keeps the pipeline.</summary>
    public static TabularClassifier Fit(IClassifierLearner learner, DataFrame training, TabularEncoderOptions options, IFittedFrameTransform? preprocessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        var fitted = Fit(learner, preprocessor?.Transform(training) ?? training, options, cancellationToken);
        return fitted.WithPreprocessor(preprocessor);
    }

    /// <summary>Fits the encoding and labels on <paramref name="training"/>, then the learner on the encoded rows.</summary>
    public static TabularClassifier Fit(IClassifierLearner learner, DataFrame training, TabularEncoderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Target is null)
        {
            throw new ArgumentException("A classifier needs a target column.", nameof(options));
        }

        var encoding = new TabularEncoder(options).Fit(training);
        var labels = ClassLabels.Fit(training[options.Target]);
        var set = new ClassificationSet(
            encoding.Transform(training), labels.Encode(training[options.Target]), labels.Count, featureNames: encoding.FeatureNames);
        var model = learner.Fit(set, cancellationToken);
        var info = new ModelInfo { LearnerName = learner.Name, LearnerOptionsJson = VigilJson.SerializeOptions(learner.Options) };
        return new TabularClassifier(encoding, labels, model, info);
    }

    /// <summary>The same classifier with other metadata (metrics, dataset hash, creation time).</summary>
    public TabularClassifier WithInfo(ModelInfo info) => new(Encoding, Labels, Model, info) { Preprocessor = Preprocessor };

    /// <summary>A copy that runs <paramref name="preprocessor"/> on every frame before encoding.</summary>
    public TabularClassifier WithPreprocessor(IFittedFrameTransform? preprocessor) => new(Encoding, Labels, Model, Info) { Preprocessor = preprocessor };

    /// <summary>The encoded features of <paramref name="frame"/>.</summary>
    public FeatureMatrix Encode(DataFrame frame) => Encoding.Transform(Preprocess(frame));

    /// <summary>The frame after the preprocessor (unchanged when there is none).</summary>
    public DataFrame Preprocess(DataFrame frame) => Preprocessor?.Transform(frame) ?? frame;

    /// <summary>The class probabilities of every row, row-major (RowCount × <see cref="ClassCount"/>), in label order.</summary>
    public double[] PredictProba(DataFrame frame) => Model.PredictProba(Encode(frame));

    /// <summary>The probability of the positive class (index 1) for every row of a binary classifier.</summary>
    public double[] PredictPositive(DataFrame frame) => Model.PredictPositive(Encode(frame));

    /// <summary>Binary metrics on a labelled frame (positive class = index 1) at <paramref name="threshold"/>, by default <see cref="DecisionThreshold"/>.</summary>
    public ClassificationMetrics EvaluateBinary(DataFrame labelled, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        if (ClassCount != 2)
        {
            throw new InvalidOperationException($"Binary metrics need 2 classes; this classifier has {ClassCount}.");
        }

        return ClassificationMetrics.Binary(Labels.Encode(labelled[Labels.TargetName]), PredictPositive(labelled), threshold ?? DecisionThreshold);
    }

    /// <summary>The predicted label of every row: by <see cref="DecisionThreshold"/> for binary models, else the most probable (lowest index on ties).</summary>
    public string[] PredictLabels(DataFrame frame)
    {
        var features = Encode(frame);
        var result = new string[features.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Labels.Decode(PredictClass(features.Row(i)));
        }

        return result;
    }

    /// <summary>The predicted class index of one encoded row, applying <see cref="DecisionThreshold"/> for binary models.</summary>
    public int PredictClass(ReadOnlySpan<double> features)
    {
        if (ClassCount != 2)
        {
            return Model.PredictClass(features);
        }

        Span<double> p = stackalloc double[2];
        Model.PredictProba(features, p);
        return p[1] >= DecisionThreshold ? 1 : 0;
    }
}
