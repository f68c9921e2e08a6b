namespace Vigil.Pipelines.Training;

/// <summary>How the held-out test rows are chosen.</summary>
public enum HoldOutKind
{
    /// <summary>Stratified by class for classification, uniformly random for regression (the default).</summary>
    Auto,

    /// <summary>Uniformly random rows.</summary>
    Random,

    /// <summary>The latest rows by a time column (per group when a group column is given).</summary>
    Time,

    /// <summary>Whole groups (e.g. machines or units), so no group is in both train and test.</summary>
    Group,
}
