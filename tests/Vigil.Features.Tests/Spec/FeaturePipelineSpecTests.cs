using Shouldly;
using Vigil.Features.Spec;
using Vigil.Testing;
using Xunit;

namespace Vigil.Features.Tests.Spec;

public sealed class FeaturePipelineSpecTests
{
    private const string Yaml = """
        version: 1
        steps:
          - standard_scale:
              columns: [x, y]
              in_place: false
          - one_hot: {columns: [color], unknown: other, missing: nan}
          - datetime_parts
          - kmeans:
              k: 2
        """;

    private const string Json = """
        {
          "version": 1,
          "steps": [
            {"standard_scale": {"columns": ["x", "y"], "in_place": false}},
            {"one_hot": {"columns": ["color"], "unknown": "other", "missing": "nan"}},
            "datetime_parts",
            {"kmeans": {"k": 2}}
          ]
        }
        """;

    [Fact]
    public void Parse_JsonAndYaml_GiveEquivalentSpecs()
    {
        var yaml = FeaturePipelineSpec.Parse(Yaml, "features.yaml");
        var json = FeaturePipelineSpec.Parse(Json, "features.json");

        yaml.Version.ShouldBe(1);
        Shape(json).ShouldBe(Shape(yaml));
        Shape(yaml).ShouldBe(
        [
            "1 standard_scale columns=[x,y] in_place=Boolean:false",
            "2 one_hot columns=[color] unknown=String:other missing=String:nan",
            "3 datetime_parts",
            "4 kmeans k=Number:2",
        ]);
    }

    [Fact]
    public void Parse_YamlStep_KnowsItsLineAndColumn()
    {
        var spec = FeaturePipelineSpec.Parse(Yaml, "features.yaml");

        spec.Steps[1].ShouldBe(spec.Steps[1] with { Index = 2, Name = "one_hot", Line = 6, Column = 5 });
        spec.Steps[0].Options.Find("in_place").ShouldBe(new SpecScalar(5, 17, "false", SpecScalarType.Boolean));
    }

    [Fact]
    public void Parse_NoExtension_JudgesFormatByContent()
    {
        Shape(FeaturePipelineSpec.Parse(Json)).ShouldBe(Shape(FeaturePipelineSpec.Parse(Yaml)));
        FeaturePipelineSpec.IsJson(Json, "spec").ShouldBeTrue();
        FeaturePipelineSpec.IsJson(Yaml, "spec").ShouldBeFalse();
    }

    [Fact]
    public void Load_FilesByExtension_ReportErrorsAgainstTheFileName()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("features.yml"), Yaml);
        File.WriteAllText(dir.File("bad.json"), "{\"version\": 1, \"steps\": [}");

        Shape(FeaturePipelineSpec.Load(dir.File("features.yml"))).Count.ShouldBe(4);
        var error = Should.Throw<FeatureSpecException>(() => FeaturePipelineSpec.Load(dir.File("bad.json")));
        error.Message.ShouldStartWith("bad.json line 1: invalid JSON at column 26");
        error.Message.ShouldNotContain(dir.Path);
    }

    [Fact]
    public void Parse_BadYaml_ReportsLineAndColumn()
    {
        const string bad = "version: 1\nsteps:\n  - one_hot: {columns: [color]\n  - kmeans: {}\n";

        var error = Should.Throw<FeatureSpecException>(() => FeaturePipelineSpec.Parse(bad, "features.yaml")).Errors.ShouldHaveSingleItem();

        error.Source.ShouldBe("features.yaml");
        error.Line.ShouldBe(4);
        error.StepIndex.ShouldBeNull();
        error.Message.ShouldStartWith("invalid YAML at column");
    }

    [Fact]
    public void Parse_MissingVersionAndUnknownTopLevelKey_ReportsBoth()
    {
        const string bad = "stpes:\n  - kmeans\n";

        var errors = Should.Throw<FeatureSpecException>(() => FeaturePipelineSpec.Parse(bad, "f.yaml")).Errors.Select(e => e.ToString()).ToList();

        errors.ShouldBe(
        [
            "f.yaml line 1: unknown top-level key 'stpes' (did you mean 'steps'?); known: version, steps",
            "f.yaml line 1: missing 'version: 1'",
            "f.yaml line 1: missing 'steps:', a list of {<step name>: {options}}",
        ]);
    }

    [Fact]
    public void Parse_WrongVersion_SaysWhichIsSupported()
    {
        var error = Should.Throw<FeatureSpecException>(() => FeaturePipelineSpec.Parse("version: 2\nsteps: []\n", "f.yaml"));

        error.Message.ShouldBe("f.yaml line 1: version must be 1, not the number 2");
    }

    [Fact]
    public void Parse_MalformedSteps_LocatesEachStep()
    {
        const string bad = """
            version: 1
            steps:
              - {one_hot: {}, kmeans: {}}
              - kmeans: [1, 2]
              - ordinal: {columns: [a], columns: [b]}
            """;

        var errors = Should.Throw<FeatureSpecException>(() => FeaturePipelineSpec.Parse(bad, "f.yaml")).Errors.Select(e => e.ToString()).ToList();

        errors.ShouldBe(
        [
            "f.yaml line 3: step 1 (?): a step must be written {<step name>: {options}} with exactly one step name, not a mapping with 2 keys",
            "f.yaml line 4: step 2 (kmeans): options must be a mapping of option: value, not a list",
            "f.yaml line 5: step 3 (ordinal): option 'columns' appears more than once",
        ]);
    }

    [Fact]
    public void Parse_QuotedYamlScalars_AreText()
    {
        var spec = FeaturePipelineSpec.Parse("version: 1\nsteps:\n  - kmeans: {k: '2', restarts: 3, output: null, flag: True}\n", "f.yaml");

        spec.Steps[0].Options.Entries.Select(e => e.Value).Cast<SpecScalar>().Select(s => s.Type).ShouldBe(
            [SpecScalarType.String, SpecScalarType.Number, SpecScalarType.Null, SpecScalarType.Boolean]);
    }

    private static List<string> Shape(FeaturePipelineSpec spec) =>
    [
        .. spec.Steps.Select(s => string.Join(' ', new[] { $"{s.Index} {s.Name}" }.Concat(s.Options.Entries.Select(e => $"{e.Key.Text}={Value(e.Value)}")))),
    ];

    private static string Value(SpecNode node) => node switch
    {
        SpecScalar s => $"{s.Type}:{s.Text}",
        SpecSequence list => $"[{string.Join(',', list.Items.Cast<SpecScalar>().Select(i => i.Text))}]",
        _ => node.Describe(),
    };
}
