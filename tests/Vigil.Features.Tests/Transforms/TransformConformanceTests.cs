using Shouldly;
using Vigil.Data.Frames;
using Vigil.Features.Transforms;
using Xunit;

namespace Vigil.Features.Tests.Transforms;

/// <summary>Every core transform: save/load round trip, seeded repeatability, no target reads, wrong schema fails fast.</summary>
public sealed class TransformConformanceTests
{
    private static readonly FeatureFitContext Context = new(Target: "label", Seed: 5);

    public static TheoryData<string> Steps => ["min_max_scale", "standard_scale", "one_hot", "ordinal", "datetime_parts", "isolation_score", "kmeans"];

    [Theory]
    [MemberData(nameof(Steps))]
    public void WriteRead_FittedStep_TransformsIdentically(string step)
    {
        var frame = TinyFrames.Mixed();
        var fitted = Create(step).Fit(frame, Context);

        var read = TransformAssert.RoundTrip(fitted);

        TransformAssert.SameFrame(read.Transform(frame), fitted.Transform(frame));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Fit_Twice_GivesIdenticalOutput(string step)
    {
        var frame = TinyFrames.Mixed();

        TransformAssert.SameFrame(Create(step).Fit(frame, Context).Transform(frame), Create(step).Fit(frame, Context).Transform(frame));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Fit_WithTarget_NeverReadsItAndServesFramesWithoutIt(string step)
    {
        var frame = TinyFrames.Mixed();
        var fitted = Create(step).Fit(frame, Context);

        fitted.InputSchema.Find("label").ShouldBeNull();
        var served = fitted.Transform(frame.Drop("label"));
        served.Contains("label").ShouldBeFalse();
        served.RowCount.ShouldBe(frame.RowCount);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Transform_MissingInputColumn_ThrowsNamingIt(string step)
    {
        var frame = TinyFrames.Mixed();
        var fitted = Create(step).Fit(frame, Context);
        var input = fitted.InputSchema.Columns[0].Name;

        var error = Should.Throw<ArgumentException>(() => fitted.Transform(frame.Drop(input)));

        error.Message.ShouldContain($"{step}: column '{input}' is missing");
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Transform_WrongKindInputColumn_ThrowsNamingColumnAndKind(string step)
    {
        var frame = TinyFrames.Mixed();
        var fitted = Create(step).Fit(frame, Context);
        var input = fitted.InputSchema.Columns[0];
        Column wrong = input.Kind == ColumnKind.Float64
            ? new StringColumn(input.Name, new string?[frame.RowCount])
            : new Float64Column(input.Name, new double[frame.RowCount]);

        var error = Should.Throw<ArgumentException>(() => fitted.Transform(frame.WithColumn(wrong)));

        error.Message.ShouldContain($"{step}: column '{input.Name}' is {wrong.Kind}; expected");
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Fit_UnknownColumn_ThrowsNamingIt(string step)
    {
        var error = Should.Throw<ArgumentException>(() => CreateOn(step, ["nope"]).Fit(TinyFrames.Mixed(), Context));

        error.Message.ShouldContain("column 'nope' is missing");
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Fit_TargetAsColumn_Throws(string step)
    {
        var error = Should.Throw<ArgumentException>(() => CreateOn(step, ["label"]).Fit(TinyFrames.Mixed(), Context));

        error.Message.ShouldContain("'label' is the target");
    }

    [Fact]
    public void StepCodecs_CoverEveryCoreKind()
    {
        var frame = TinyFrames.Mixed();
        var kinds = Steps.Select(s => Create(s.Data).Fit(frame, Context).Kind);

        kinds.ShouldBeSubsetOf(FeatureCatalog.StepCodecs.Kinds);
    }

    private static IFeatureTransform Create(string step) => CreateOn(step, []);

    private static IFeatureTransform CreateOn(string step, IReadOnlyList<string> columns) => step switch
    {
        "min_max_scale" => FeatureTransforms.MinMaxScale(new ScaleOptions { Columns = columns }),
        "standard_scale" => FeatureTransforms.StandardScale(new ScaleOptions { Columns = columns }),
        "one_hot" => FeatureTransforms.OneHot(new OneHotOptions { Columns = columns }),
        "ordinal" => FeatureTransforms.Ordinal(new OrdinalOptions { Columns = columns }),
        "datetime_parts" => FeatureTransforms.DateTimeParts(new DateTimePartsOptions { Columns = columns, Cyclic = true }),
        "isolation_score" => FeatureTransforms.IsolationScore(new IsolationScoreOptions { Columns = columns, TreeCount = 20 }),
        "kmeans" => FeatureTransforms.KMeans(new KMeansFeatureOptions { Columns = columns, ClusterCount = 2, InitCount = 3 }),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}
