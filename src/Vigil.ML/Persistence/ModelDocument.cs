using System.Text.Json;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;

namespace Vigil.ML.Persistence;

/// <summary>The JSON metadata of a model file (format version 1).</summary>
internal sealed record ModelDocument
{
    public string? ModelKind { get; init; }

    /// <summary>"classification" or "regression"; absent in the earliest files, which were all classifiers.</summary>
    public ModelTask? Task { get; init; }

    public string? LearnerName { get; init; }

    public JsonElement LearnerOptions { get; init; }

    public TargetDocument? Target { get; init; }

    public List<InputColumnDocument>? InputSchema { get; init; }

    public List<string>? FeatureNames { get; init; }

    public List<ExcludedColumn>? ExcludedColumns { get; init; }

    public Dictionary<string, double>? Metrics { get; init; }

    public string? TrainingDatasetHash { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public double? DecisionThreshold { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    /// <summary>True when the payload is an <see cref="IStandaloneModel"/> written whole by its codec (no encoding, no preprocessor).</summary>
    public bool? Standalone { get; init; }

    public static ModelDocument FromStandalone(IStandaloneModel model, string modelKind)
    {
        using var options = JsonDocument.Parse(model.Info.LearnerOptionsJson);
        return new ModelDocument
        {
            ModelKind = modelKind,
            Task = model.Task,
            LearnerName = model.Info.LearnerName,
            LearnerOptions = options.RootElement.Clone(),
            Metrics = new Dictionary<string, double>(model.Info.Metrics, StringComparer.Ordinal),
            TrainingDatasetHash = model.Info.TrainingDatasetHash,
            CreatedAt = model.Info.CreatedAt,
            Parameters = new Dictionary<string, string>(model.Info.Parameters, StringComparer.Ordinal),
            Standalone = true,
        };
    }

    public static ModelDocument From(ITabularModel classifier, string modelKind)
    {
        using var options = JsonDocument.Parse(classifier.Info.LearnerOptionsJson);
        return new ModelDocument
        {
            ModelKind = modelKind,
            Task = classifier.Task,
            LearnerName = classifier.Info.LearnerName,
            LearnerOptions = options.RootElement.Clone(),
            Target = classifier is TabularClassifier c
                ? new TargetDocument(c.Labels.TargetName, c.Labels.TargetKind, [.. c.Labels.Labels])
                : new TargetDocument(classifier.TargetName, ColumnKind.Float64, null),
            InputSchema = [.. classifier.Encoding.InputSchema.Columns.Select(c => new InputColumnDocument(c.Name, c.Kind, c.AllowedValues?.ToList()))],
            FeatureNames = [.. classifier.Encoding.FeatureNames],
            ExcludedColumns = [.. classifier.Encoding.ExcludedColumns],
            Metrics = new Dictionary<string, double>(classifier.Info.Metrics, StringComparer.Ordinal),
            TrainingDatasetHash = classifier.Info.TrainingDatasetHash,
            CreatedAt = classifier.Info.CreatedAt,
            DecisionThreshold = classifier.Info.DecisionThreshold,
            Parameters = new Dictionary<string, string>(classifier.Info.Parameters, StringComparer.Ordinal),
        };
    }

    public TabularEncoding ToEncoding()
    {
        var columns = Require(InputSchema, "inputSchema")
            .Select(c => new ColumnSchema(c.Name, c.Kind, AllowedValues: c.Categories))
            .ToList();
        var encoding = new TabularEncoding(new FrameSchema(columns), ExcludedColumns);
        if (!encoding.FeatureNames.SequenceEqual(Require(FeatureNames, "featureNames"), StringComparer.Ordinal))
        {
            throw new ModelFileException("The model file is inconsistent: its feature names do not match its input schema.");
        }

        return encoding;
    }

    public ClassLabels ToLabels()
    {
        var target = Require(Target, "target");
        return new ClassLabels(target.Name, target.Kind, Require(target.ClassLabels, "target.classLabels"));
    }

    public string TargetName() => Require(Target, "target").Name;

    public ModelInfo ToInfo() => new()
    {
        LearnerName = Require(LearnerName, "learnerName"),
        LearnerOptionsJson = LearnerOptions.ValueKind == JsonValueKind.Undefined ? "{}" : LearnerOptions.GetRawText(),
        Metrics = Metrics ?? [],
        DecisionThreshold = DecisionThreshold,
        Parameters = Parameters ?? [],
        TrainingDatasetHash = TrainingDatasetHash,
        CreatedAt = CreatedAt,
    };

    public static T Require<T>(T? value, string name)
        where T : class =>
        value ?? throw new ModelFileException($"The model file's metadata lacks '{name}'.");
}

/// <summary>The target column and its class labels in class order.</summary>
internal sealed record TargetDocument(string Name, ColumnKind Kind, List<string>? ClassLabels);

/// <summary>One raw input column; categorical columns list their categories in one-hot order.</summary>
internal sealed record InputColumnDocument(string Name, ColumnKind Kind, List<string>? Categories);
