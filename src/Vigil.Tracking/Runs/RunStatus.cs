namespace Vigil.Tracking.Runs;

/// <summary>The execution status of a run (MLflow <c>RunStatus</c>).</summary>
public enum RunStatus
{
    /// <summary>Running (the status of a new run).</summary>
    Running,

    /// <summary>Scheduled but not started.</summary>
    Scheduled,

    /// <summary>Finished successfully.</summary>
    Finished,

    /// <summary>Failed.</summary>
    Failed,

    /// <summary>Killed.</summary>
    Killed,
}
