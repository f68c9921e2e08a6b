namespace Vigil.Tracking;

/// <summary>Whether an experiment or run is live or soft-deleted (MLflow <c>lifecycle_stage</c>: <c>active</c> / <c>deleted</c>).</summary>
public enum LifecycleStage
{
    /// <summary>Live and visible to default searches.</summary>
    Active,

    /// <summary>Soft-deleted; can be restored.</summary>
    Deleted,
}

/// <summary>Which lifecycle stages a search returns (MLflow <c>ViewType</c>).</summary>
public enum ViewType
{
    /// <summary>Only active entities (MLflow <c>ACTIVE_ONLY</c>, the default).</summary>
    ActiveOnly,

    /// <summary>Only deleted entities (MLflow <c>DELETED_ONLY</c>).</summary>
    DeletedOnly,

    /// <summary>Both (MLflow <c>ALL</c>).</summary>
    All,
}
