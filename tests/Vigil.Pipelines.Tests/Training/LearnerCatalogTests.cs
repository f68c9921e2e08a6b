using System.Globalization;
using Shouldly;
using Vigil.Data.Generators;
using Vigil.ML;
using Vigil.ML.Tuning;
using Vigil.Pipelines.Training;
using Xunit;

namespace Vigil.Pipelines.Tests.Training;

public sealed class LearnerCatalogTests
{
    public static TheoryData<string> Families => [.. LearnerCatalog.Default.Entries.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Families))]
    public void Build_DefaultsAndEverySearchParameter_Accepted(string name)
    {
        var entry = LearnerCatalog.Default.Get(name);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in entry.Space ?? Enumerable.Empty<SearchParameter>())
        {
            values[parameter.Name] = parameter switch
            {
                IntParameter i => i.Low.ToString(CultureInfo.InvariantCulture),
                FloatParameter f => f.Low.ToString("R", CultureInfo.InvariantCulture),
                CategoricalParameter c => c.Choices[0],
                _ => throw new InvalidOperationException(parameter.GetType().Name),
            };
        }

        foreach (var task in new[] { ModelTask.Classification, ModelTask.Regression }.Where(entry.Supports))
        {
            object learner = task == ModelTask.Classification
                ? LearnerCatalog.Default.Classifier(name, new LearnerParameters(values), 1)
                : LearnerCatalog.Default.Regressor(name, new LearnerParameters(values), 1);
            learner.ShouldNotBeNull();
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Train_EveryClassifierFamily_LearnsGeneratedMachines(string name)
    {
        var entry = LearnerCatalog.Default.Get(name);
        if (!entry.Supports(ModelTask.Classification))
        {
            return;
        }

        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(1500, 11));
        var result = new TrainingJob(LearnerCatalog.Default, TimeProvider.System).Run(frame, new TrainingRequest("Machine failure", name, seed: 1));

        result.Test["roc_auc"].ShouldBeGreaterThan(0.75, name);
    }

    [Fact]
    public void Get_Unknown_ListsKnownFamilies()
    {
        Should.Throw<ArgumentException>(() => LearnerCatalog.Default.Get("xgb")).Message.ShouldContain("logreg");
    }
}
