using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML;
using Vigil.Pipelines.Training;
using Xunit;

namespace Vigil.Pipelines.Tests.Training;

public sealed class TaskInferenceTests
{
    [Fact]
    public void Infer_BinaryNumeric_Classification() =>
        TaskInference.Infer(new Float64Column("y", [0, 1, 1, 0, double.NaN])).ShouldBe(ModelTask.Classification);

    [Fact]
    public void Infer_Fractional_Regression() =>
        TaskInference.Infer(new Float64Column("y", [0, 1.5, 2])).ShouldBe(ModelTask.Regression);

    [Fact]
    public void Infer_ManyWholeNumbers_Regression() =>
        TaskInference.Infer(new Float64Column("rul", [.. Enumerable.Range(0, 125).Select(i => (double)i)])).ShouldBe(ModelTask.Regression);

    [Fact]
    public void Infer_Categorical_Classification() =>
        TaskInference.Infer(CategoricalColumn.FromValues("t", ["a", "b"])).ShouldBe(ModelTask.Classification);
}
