namespace Vigil.Tracking.Registry;

/// <summary>The legacy MLflow deployment stage of a model version; aliases are the modern replacement.</summary>
public enum ModelStage
{
    /// <summary>No stage (the stage of a new version).</summary>
    None,

    /// <summary>Staging.</summary>
    Staging,

    /// <summary>Production.</summary>
    Production,

    /// <summary>Archived.</summary>
    Archived,
}

/// <summary>The registration status of a model version (MLflow <c>ModelVersionStatus</c>); Vigil registers synchronously, so versions are <see cref="Ready"/>.</summary>
public enum ModelVersionStatus
{
    /// <summary>Registration in progress.</summary>
    PendingRegistration,

    /// <summary>Registration failed.</summary>
    FailedRegistration,

    /// <summary>Ready to use.</summary>
    Ready,
}
