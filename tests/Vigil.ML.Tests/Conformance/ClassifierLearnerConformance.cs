using Shouldly;
using Vigil.Data.Frames;
using Vigil.ML.Encoding;
using Vigil.ML.Persistence;
using Xunit;

namespace Vigil.ML.Tests.Conformance;

/// <summary>The suite every classifier learner passes: repeatability, shape checks, save/load round trip, probabilities.</summary>
public abstract class ClassifierLearnerConformance
{
    /// <summary>A learner configured with the given seed.</summary>
    protected abstract IClassifierLearner CreateLearner(int seed);

    /// <summary>Whether the learner handles NaN features natively; otherwise it must reject them with an ArgumentException.</summary>
    protected virtual bool SupportsMissingValues => true;

    /// <summary>The model-file codecs that know the learner's models (the built-in set unless a learner lives in another assembly).</summary>
    protected virtual ModelCodecs Codecs => ModelCodecs.Default;

    /// <summary>Random data with 2% NaN; learners without missing-value support get NaN replaced by 0.</summary>
    private ClassificationSet Data(int seed)
    {
        var data = ConformanceData.RandomClassification(rows: 400, features: 5, seed: seed);
        if (SupportsMissingValues)
        {
            return data;
        }

        var values = data.Features.Values.ToArray().Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        return new ClassificationSet(new FeatureMatrix(data.RowCount, data.FeatureCount, values), data.Labels.ToArray(), data.ClassCount);
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalProbabilities()
    {
        var probe = Data(2).Features;

        CreateLearner(7).Fit(Data(1)).PredictProba(probe).ShouldBe(CreateLearner(7).Fit(Data(1)).PredictProba(probe));
    }

    [Fact]
    public void PredictProba_AnyRow_IsADistribution()
    {
        var model = CreateLearner(1).Fit(Data(1));
        var p = model.PredictProba(Data(3).Features);

        for (var i = 0; i < p.Length; i += model.ClassCount)
        {
            p.AsSpan(i, model.ClassCount).ToArray().ShouldAllBe(v => v >= 0 && v <= 1);
            p.AsSpan(i, model.ClassCount).ToArray().Sum().ShouldBe(1.0, 1e-9);
        }
    }

    [Fact]
    public void PredictProba_WrongWidth_FailsFast()
    {
        var model = CreateLearner(1).Fit(Data(1));

        Should.Throw<ArgumentException>(() => model.PredictProba(new double[4], new double[model.ClassCount]));
        Should.Throw<ArgumentException>(() => model.PredictProba(new FeatureMatrix(2, 6, new double[12]), new double[4]));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalProbabilities()
    {
        var data = Data(4);
        var names = Enumerable.Range(0, data.FeatureCount).Select(i => $"x{i}").ToArray();
        var columns = names.Select((n, f) => (Column)new Float64Column(n, [.. Enumerable.Range(0, data.RowCount).Select(r => data.Features[r, f])]))
            .Append(new Float64Column("y", [.. data.Labels.ToArray().Select(l => (double)l)]));
        var frame = new DataFrame(columns);
        var classifier = TabularClassifier.Fit(CreateLearner(3), frame, new TabularEncoderOptions { Target = "y" });

        using var stream = new MemoryStream();
        ModelFile.Save(classifier, stream, Codecs);
        stream.Position = 0;
        var loaded = (TabularClassifier)ModelFile.Load(stream, Codecs);

        loaded.PredictProba(frame).ShouldBe(classifier.PredictProba(frame));
    }

    [Fact]
    public void Fit_SingleClass_PredictsThatClass()
    {
        var model = CreateLearner(1).Fit(new ClassificationSet(FeatureMatrix.FromRows([[1, 2], [3, 4], [5, 6]]), [0, 0, 0], 2));
        var p = new double[2];

        model.PredictProba([2, 3], p);

        p[0].ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Fit_ThreeClasses_PredictsDistributionsOverThree()
    {
        var data = Data(5);
        var labels = Enumerable.Range(0, data.RowCount).Select(r => data.Features[r, 0] > 0.66 ? 2 : data.Features[r, 0] > 0.33 ? 1 : 0).ToArray();
        var set = new ClassificationSet(data.Features, labels, 3);

        var model = CreateLearner(1).Fit(set);
        var p = model.PredictProba(data.Features);

        model.ClassCount.ShouldBe(3);
        p.Length.ShouldBe(data.RowCount * 3);
        var correct = Enumerable.Range(0, data.RowCount).Count(r => Array.IndexOf(p, p.AsSpan(r * 3, 3).ToArray().Max(), r * 3, 3) - (r * 3) == labels[r]);
        (correct / (double)data.RowCount).ShouldBeGreaterThan(0.6);
    }

    [Fact]
    public void Fit_TinyData_StillPredicts()
    {
        var set = new ClassificationSet(FeatureMatrix.FromRows([[0, 1], [1, 0], [0, 0.5], [1, 0.2]]), [0, 1, 0, 1], 2);
        var model = CreateLearner(1).Fit(set);
        var p = new double[2];

        model.PredictProba([0.9, 0.1], p);

        (p[0] + p[1]).ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Fit_MissingValues_HandledOrRejectedClearly()
    {
        var data = Data(6);
        var values = new double[data.RowCount * data.FeatureCount];
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var f = 0; f < data.FeatureCount; f++)
            {
                values[(r * data.FeatureCount) + f] = (r + f) % 7 == 0 ? double.NaN : data.Features[r, f];
            }
        }

        var set = new ClassificationSet(new FeatureMatrix(data.RowCount, data.FeatureCount, values), data.Labels.ToArray(), data.ClassCount);
        if (!SupportsMissingValues)
        {
            Should.Throw<ArgumentException>(() => CreateLearner(1).Fit(set)).Message.ShouldContain("NaN", Case.Insensitive);
            return;
        }

        var model = CreateLearner(1).Fit(set);
        var p = new double[model.ClassCount];
        model.PredictProba([.. Enumerable.Repeat(double.NaN, data.FeatureCount)], p);
        p.Sum().ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Fit_NoFeatures_PredictsThePriorOrRejectsClearly()
    {
        var set = new ClassificationSet(new FeatureMatrix(6, 0, []), [0, 1, 1, 0, 1, 1], 2);
        IClassifierModel model;
        try
        {
            model = CreateLearner(1).Fit(set);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            e.Message.ShouldContain("feature", Case.Insensitive);
            return;
        }

        var p = new double[2];
        model.PredictProba(ReadOnlySpan<double>.Empty, p);
        p.Sum().ShouldBe(1.0, 1e-9);
    }
}
