namespace Vigil.Cli.Demo;

/// <summary>What the demo did and measured; printed as one JSON document under --json.</summary>
public sealed record DemoResult
{
    /// <summary>The seed used throughout.</summary>
    public required int Seed { get; init; }

    /// <summary>The data directory.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The data chapter.</summary>
    public required DemoData Data { get; init; }

    /// <summary>The training chapter.</summary>
    public required DemoTraining Training { get; init; }

    /// <summary>The remaining-useful-life chapter.</summary>
    public required DemoRul Rul { get; init; }

    /// <summary>Wall seconds of the whole run.</summary>
    public required double ElapsedSeconds { get; init; }
}

/// <summary>The data chapter: generation, ingest and validation.</summary>
public sealed record DemoData
{
    /// <summary>The generated CSV.</summary>
    public required string File { get; init; }

    /// <summary>The registered dataset reference (name@version).</summary>
    public required string Dataset { get; init; }

    /// <summary>The content hash.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Rows ingested.</summary>
    public required long Rows { get; init; }

    /// <summary>Rows quarantined.</summary>
    public required long QuarantinedRows { get; init; }

    /// <summary>Machine failures in the data.</summary>
    public required int Failures { get; init; }

    /// <summary>Columns flagged as leaking the target.</summary>
    public required IReadOnlyList<string> LeakageSuspects { get; init; }

    /// <summary>Columns excluded from the features (leakage suspects and identifiers).</summary>
    public required IReadOnlyList<string> ExcludedColumns { get; init; }

    /// <summary>Validation issues by code.</summary>
    public required IReadOnlyDictionary<string, int> Issues { get; init; }
}

/// <summary>The training chapter: split, model, test metrics and where it was saved.</summary>
public sealed record DemoTraining
{
    /// <summary>The learner.</summary>
    public required string Model { get; init; }

    /// <summary>The tracking run that recorded the training.</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment of the run.</summary>
    public required string ExperimentId { get; init; }

    /// <summary>The registered model the demo's model was added to.</summary>
    public required string RegisteredModel { get; init; }

    /// <summary>The new version of <see cref="RegisteredModel"/>; the <c>champion</c> alias points at it.</summary>
    public required int ModelVersion { get; init; }

    /// <summary>The features the model uses.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Training rows.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Test rows.</summary>
    public required int TestRows { get; init; }

    /// <summary>Test metrics (accuracy, precision, recall, f1, f1_macro, roc_auc, pr_auc).</summary>
    public required IReadOnlyDictionary<string, double> Test { get; init; }

    /// <summary>Training wall seconds.</summary>
    public required double TrainSeconds { get; init; }

    /// <summary>The saved model file.</summary>
    public required string ModelFile { get; init; }

    /// <summary>The saved metrics file.</summary>
    public required string MetricsFile { get; init; }
}

/// <summary>The remaining-useful-life chapter: generated run-to-failure data, a unit-level hold-out and the leaky contrast.</summary>
public sealed record DemoRul
{
    /// <summary>The model family.</summary>
    public required string Model { get; init; }

    /// <summary>The generated CSV.</summary>
    public required string File { get; init; }

    /// <summary>Generated units.</summary>
    public required int Units { get; init; }

    /// <summary>Training units.</summary>
    public required int TrainUnits { get; init; }

    /// <summary>Held-out units.</summary>
    public required int TestUnits { get; init; }

    /// <summary>The sensors the model uses.</summary>
    public required IReadOnlyList<string> Sensors { get; init; }

    /// <summary>Columns dropped from the sensors (constant ones).</summary>
    public required IReadOnlyList<string> DroppedColumns { get; init; }

    /// <summary>RMSE, MAE, R², PHM08 on the last window of each held-out unit (cut at a seeded random cycle; truth capped).</summary>
    public required IReadOnlyDictionary<string, double> LastWindow { get; init; }

    /// <summary>The same metrics on every window of the held-out units.</summary>
    public required IReadOnlyDictionary<string, double> AllWindows { get; init; }

    /// <summary>The inflated metrics of a row-level random split, for contrast.</summary>
    public required IReadOnlyDictionary<string, double> LeakyRandomSplit { get; init; }

    /// <summary>Training wall seconds of the unit-level model.</summary>
    public required double TrainSeconds { get; init; }

    /// <summary>The saved RUL model file.</summary>
    public required string ModelFile { get; init; }

    /// <summary>Wall seconds of the chapter.</summary>
    public required double ElapsedSeconds { get; init; }
}
