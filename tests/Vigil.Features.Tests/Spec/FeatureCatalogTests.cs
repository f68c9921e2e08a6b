using Shouldly;
using Vigil.Features.Spec;
using Vigil.Features.Tests.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Spec;

public sealed class FeatureCatalogTests
{
    private static FeatureSpecException BuildFails(string yaml) =>
        Should.Throw<FeatureSpecException>(() => FeatureCatalog.Build(FeaturePipelineSpec.Parse(yaml, "features.yaml")));

    [Fact]
    public void Build_EveryStepName_WithDefaultOptions_BuildsThatStep()
    {
        // Window steps have no sensible defaults for their columns; every other step builds bare.
        var spec = FeaturePipelineSpec.Parse(
            $"version: 1\nsteps:\n{string.Join('\n', FeatureCatalog.StepNames.Select(n => n is "rolling" or "lag" or "diff" or "cumulative" ? $"  - {n}: {{columns: [x], windows: [3]}}".Replace(", windows: [3]", n == "rolling" ? ", windows: [3]" : "", StringComparison.Ordinal) : $"  - {n}"))}\n",
            "all.yaml");

        var pipeline = FeatureCatalog.Build(spec);

        pipeline.Steps.Select(s => s.Name).ShouldBe(FeatureCatalog.StepNames);
        FeatureCatalog.StepNames.ShouldBe(["min_max_scale", "standard_scale", "one_hot", "ordinal", "datetime_parts", "isolation_score", "kmeans", "rolling", "lag", "diff", "cumulative", "synthesize", "select"]);
    }

    [Fact]
    public void Build_UnknownOption_LocatedAtTheOptionWithStepAndKnownOptions()
    {
        const string yaml = """
            version: 1
            steps:
              - standard_scale:
                  columns: [x]
              - one_hot:
                  columns: [color]
                  unknwn: other
            """;

        var error = BuildFails(yaml).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("features.yaml line 7: step 2 (one_hot): unknown option 'unknwn' (did you mean 'unknown'?); known: columns, unknown, missing, keep_input");
        (error.Line, error.Column, error.StepIndex, error.StepName).ShouldBe((7, 7, 2, "one_hot"));
    }

    [Fact]
    public void Build_UnknownStep_ListsTheKnownSteps()
    {
        var error = BuildFails("version: 1\nsteps:\n  - kmeans\n  - standard_scal: {columns: [x]}\n").Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe(
            "features.yaml line 4: step 2 (standard_scal): unknown step 'standard_scal' (did you mean 'standard_scale'?); known steps: "
            + "min_max_scale, standard_scale, one_hot, ordinal, datetime_parts, isolation_score, kmeans, rolling, lag, diff, cumulative, synthesize, select");
    }

    [Fact]
    public void Build_WrongTypes_ReportsEveryOneLocated()
    {
        const string yaml = """
            version: 1
            steps:
              - min_max_scale: {in_place: yes}
              - kmeans: {k: two, columns: {a: 1}}
              - one_hot: {unknown: drop}
              - datetime_parts: {parts: [hour, minute]}
            """;

        var errors = BuildFails(yaml).Errors.Select(e => e.ToString()).ToList();

        errors.ShouldBe(
        [
            "features.yaml line 3: step 1 (min_max_scale): option 'in_place' must be true or false, not the text 'yes'",
            "features.yaml line 4: step 2 (kmeans): option 'columns' must be a list of names, not a mapping",
            "features.yaml line 4: step 2 (kmeans): option 'k' must be a whole number, not the text 'two'",
            "features.yaml line 5: step 3 (one_hot): option 'unknown' must be one of ignore, error, other, not the text 'drop'",
            "features.yaml line 6: step 4 (datetime_parts): option 'parts': unknown part 'minute'; known: year, month, day, weekday, hour, day_of_year",
        ]);
    }

    [Fact]
    public void Build_InvalidOptionValue_ReportsTheOptionsProblemAtTheStep()
    {
        var error = BuildFails("version: 1\nsteps:\n  - kmeans: {k: 0, max_iterations: -1}\n").Errors.ShouldHaveSingleItem();

        error.ToString().ShouldStartWith("features.yaml line 3: step 1 (kmeans): Invalid KMeansFeatureOptions: ClusterCount must be at least 1, not 0. MaxIterations must be at least 1, not -1.");
    }

    [Fact]
    public void Build_Json_LocatesErrorsInJsonToo()
    {
        const string json = """
            {
              "version": 1,
              "steps": [
                {"ordinal": {"columns": ["shift"]}},
                {"isolation_score": {"trees": 2.5}}
              ]
            }
            """;

        var error = Should.Throw<FeatureSpecException>(() => FeatureCatalog.Build(FeaturePipelineSpec.Parse(json, "features.json"))).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("features.json line 5: step 2 (isolation_score): option 'trees' must be a whole number, not the number 2.5");
        error.Column.ShouldBe(35);
    }

    [Fact]
    public void Build_JsonAndYamlSpecs_FitToIdenticalFeatures()
    {
        const string yaml = """
            version: 1
            steps:
              - one_hot: {columns: [color, site], unknown: other}
              - datetime_parts: {cyclic: true}
              - min_max_scale: {columns: [x], in_place: false}
            """;
        const string json = """
            {"version": 1, "steps": [
              {"one_hot": {"columns": ["color", "site"], "unknown": "other"}},
              {"datetime_parts": {"cyclic": true}},
              {"min_max_scale": {"columns": ["x"], "in_place": false}}]}
            """;
        var frame = TinyFrames.Mixed();
        var context = new FeatureFitContext(Target: "label");
        var ct = TestContext.Current.CancellationToken;

        var fromYaml = FeatureCatalog.Build(FeaturePipelineSpec.Parse(yaml, "f.yaml")).Fit(frame, context, ct);
        var fromJson = FeatureCatalog.Build(FeaturePipelineSpec.Parse(json, "f.json")).Fit(frame, context, ct);

        fromJson.Describe().ShouldBe(fromYaml.Describe());
        TransformAssert.SameFrame(fromJson.Transform(frame), fromYaml.Transform(frame));
        fromYaml.Transform(frame).ColumnNames.ShouldContain("color=<other>");
    }

    [Fact]
    public void ModelCodecs_IncludeThePipelineCodecAndEveryVigilMlCodec()
    {
        FeatureCatalog.ModelCodecs.Find("vigil.features.pipeline").ShouldNotBeNull();
        FeatureCatalog.ModelCodecs.Codecs.Count.ShouldBe(ML.Persistence.ModelCodecs.Default.Codecs.Count + 1);
    }
}
