using Vigil.Features.Pipeline;
using Vigil.ML;

namespace Vigil.Pipelines.Training;

/// <summary>What <see cref="TrainingJob"/> should train: target, model family, parameters, split and seed; validated at construction.</summary>
public sealed record TrainingRequest
{
    /// <summary>Creates a request, reporting every invalid setting in one <see cref="ArgumentException"/>.</summary>
    public TrainingRequest(
        string target,
        string model,
        LearnerParameters? parameters = null,
        ModelTask? task = null,
        double testFraction = 0.2,
        int seed = 0,
        IReadOnlyList<string>? exclude = null,
        int cvFolds = 0,
        TuningRequest? tuning = null,
        bool tuneThreshold = false,
        HoldOutKind holdOut = HoldOutKind.Auto,
        string? timeColumn = null,
        string? groupColumn = null,
        FeaturePipeline? features = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(target))
        {
            errors.Add("target: required");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add("model: required");
        }

        if (!(testFraction > 0 && testFraction < 1))
        {
            errors.Add($"test fraction: {testFraction} must be strictly between 0 and 1");
        }

        if (cvFolds is 1 or < 0)
        {
            errors.Add($"--cv: {cvFolds} must be 0 (none) or at least 2");
        }

        if (holdOut == HoldOutKind.Time && string.IsNullOrWhiteSpace(timeColumn))
        {
            errors.Add("--split time needs --time COLUMN");
        }

        if (holdOut == HoldOutKind.Group && string.IsNullOrWhiteSpace(groupColumn))
        {
            errors.Add("--split group needs --group COLUMN");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        Features = features;
        CvFolds = cvFolds;
        Tuning = tuning;
        TuneThreshold = tuneThreshold;
        HoldOut = holdOut;
        TimeColumn = timeColumn;
        GroupColumn = groupColumn;
        Target = target;
        Model = model;
        Parameters = parameters ?? new LearnerParameters();
        Task = task;
        TestFraction = testFraction;
        Seed = seed;
        Exclude = exclude ?? [];
    }

    /// <summary>The target column.</summary>
    public string Target { get; }

    /// <summary>The model family name in the <see cref="LearnerCatalog"/>.</summary>
    public string Model { get; }

    /// <summary>Learner parameters.</summary>
    public LearnerParameters Parameters { get; }

    /// <summary>The task, or null to infer it from the target column.</summary>
    public ModelTask? Task { get; }

    /// <summary>The held-out test share (default 0.2).</summary>
    public double TestFraction { get; }

    /// <summary>The seed of the split and the learner.</summary>
    public int Seed { get; }

    /// <summary>Columns to exclude besides the detected leakage suspects and identifiers.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>Cross-validation folds on the training rows (0 = none).</summary>
    public int CvFolds { get; }

    /// <summary>Hyperparameter tuning on the training rows, or null.</summary>
    public TuningRequest? Tuning { get; }

    /// <summary>Whether to tune a binary decision threshold for F1 on out-of-fold training predictions.</summary>
    public bool TuneThreshold { get; }

    /// <summary>How the test rows are held out.</summary>
    public HoldOutKind HoldOut { get; }

    /// <summary>The time column of a time-ordered hold-out.</summary>
    public string? TimeColumn { get; }

    /// <summary>The group column (machine or unit id) of a group hold-out, or of per-group time hold-outs.</summary>
    public string? GroupColumn { get; }

    /// <summary>The feature pipeline fitted on the training rows and stored in the model, or null for raw features.</summary>
    public FeaturePipeline? Features { get; }
}
