namespace Vigil.Serving;

/// <summary>Wraps a loaded model object (from <c>ModelFile.LoadAny</c>) as an <see cref="IServedModel"/> and warms it.</summary>
public static class ServedModels
{
    /// <summary>
    /// Wraps <paramref name="model"/> (a TabularClassifier, TabularRegressor or RulModel) and runs one warm-up score on a
    /// synthetic record so the first real request pays no first-call cost. Unsupported model kinds throw <see cref="NotSupportedException"/>.
    /// </summary>
    public static IServedModel Create(object model, ModelIdentity identity) =>
        throw new NotSupportedException("Contract placeholder: implemented on the serving-inputs branch.");
}
