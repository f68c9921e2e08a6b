using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Evaluation;
using Vigil.ML.Preprocessing;

namespace Vigil.ML;

/// <summary>A trained regressor with the fitted encoding of its raw input columns; immutable and thread-safe.</summary>
public sealed class TabularRegressor : ITabularModel
{
    /// <summary>Bundles an encoding, a target name, a trained regressor and its metadata.</summary>
    public TabularRegressor(TabularEncoding encoding, string targetName, IRegressorModel model, ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        if (model.FeatureCount != encoding.FeatureCount)
        {
            throw new ArgumentException($"The model expects {model.FeatureCount} features but the encoding produces {encoding.FeatureCount}.", nameof(model));
        }

        Encoding = encoding;
        TargetName = targetName;
        Model = model;
        Info = info;
    }

    /// <inheritdoc/>
    public ModelTask Task => ModelTask.Regression;

    /// <inheritdoc/>
    public TabularEncoding Encoding { get; }

    /// <inheritdoc/>
    public string TargetName { get; }

    /// <summary>The trained regressor.</summary>
    public IRegressorModel Model { get; }

    /// <inheritdoc/>
    object ITabularModel.CoreModel => Model;

    /// <inheritdoc/>
    public ModelInfo Info { get; }

    /// <inheritdoc/>
    public IFittedFrameTransform? Preprocessor { get; private init; }

    /// <summary>Applies a fitted feature pipeline to the training frame, then fits the encoding and the learner; the result keeps the pipeline.</summary>
    public static TabularRegressor Fit(IRegressorLearner learner, DataFrame training, TabularEncoderOptions options, IFittedFrameTransform? preprocessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        var fitted = Fit(learner, preprocessor?.Transform(training) ?? training, options, cancellationToken);
        return fitted.WithPreprocessor(preprocessor);
    }

    /// <summary>Fits the encoding and the learner on a training frame whose target column is Float64.</summary>
    public static TabularRegressor Fit(IRegressorLearner learner, DataFrame training, TabularEncoderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var target = options.Target ?? throw new ArgumentException("A regressor needs a target column.", nameof(options));
        var encoding = new TabularEncoder(options).Fit(training);
        var set = new RegressionSet(encoding.Transform(training), Targets(training, target), featureNames: encoding.FeatureNames);
        var model = learner.Fit(set, cancellationToken);
        var info = new ModelInfo { LearnerName = learner.Name, LearnerOptionsJson = VigilJson.SerializeOptions(learner.Options) };
        return new TabularRegressor(encoding, target, model, info);
    }

    /// <summary>The target column of a frame as doubles; throws naming the column when it is not numeric or has missing values.</summary>
    public static double[] Targets(DataFrame frame, string target)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame[target] is not Float64Column column)
        {
            throw new ArgumentException($"Regression target '{target}' is {frame[target].Kind}; it must be numeric.");
        }

        var values = column.ToArray();
        var missing = Array.FindIndex(values, double.IsNaN);
        if (missing >= 0)
        {
            throw new ArgumentException($"Regression target '{target}' is missing at row {missing}; drop or impute such rows first.");
        }

        return values;
    }

    /// <summary>A copy with other metadata.</summary>
    public TabularRegressor WithInfo(ModelInfo info) => new(Encoding, TargetName, Model, info) { Preprocessor = Preprocessor };

    /// <summary>A copy that runs <paramref name="preprocessor"/> on every frame before encoding.</summary>
    public TabularRegressor WithPreprocessor(IFittedFrameTransform? preprocessor) => new(Encoding, TargetName, Model, Info) { Preprocessor = preprocessor };

    /// <summary>Encodes a frame with the fitted encoding.</summary>
    public FeatureMatrix Encode(DataFrame frame) => Encoding.Transform(Preprocess(frame));

    /// <summary>The frame after the preprocessor (unchanged when there is none).</summary>
    public DataFrame Preprocess(DataFrame frame) => Preprocessor?.Transform(frame) ?? frame;

    /// <summary>Predictions for every row of a raw frame.</summary>
    public double[] Predict(DataFrame frame)
    {
        var features = Encode(frame);
        var result = new double[features.RowCount];
        Model.Predict(features, result);
        return result;
    }

    /// <summary>Regression metrics on a labelled frame.</summary>
    public RegressionMetrics Evaluate(DataFrame labelled)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        return RegressionMetrics.Compute(Targets(labelled, TargetName), Predict(labelled));
    }
}
