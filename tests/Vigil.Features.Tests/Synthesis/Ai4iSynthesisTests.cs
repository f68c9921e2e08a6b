using Shouldly;
using Vigil.Data.Csv;
using Vigil.Data.Splits;
using Vigil.Features.Synthesis;
using Vigil.ML.Encoding;
using Vigil.Testing;
using Xunit;

namespace Vigil.Features.Tests.Synthesis;

/// <summary>On AI4I 2020 (official split, training rows only) synthesis rediscovers power and strain.</summary>
public sealed class Ai4iSynthesisTests
{
    private const string Torque = "Torque [Nm]";
    private const string Speed = "Rotational speed [rpm]";
    private const string Wear = "Tool wear [min]";

    [Fact]
    public void Fit_Ai4iTrainingRows_KeepsTorqueTimesSpeedAndWearTimesTorque()
    {
        var frame = CsvReader.ReadFile(RepoPaths.RequireSharedFile("data", "ai4i2020", "ai4i2020.csv")).Frame
            .Drop("UDI", "Product ID", "TWF", "HDF", "PWF", "OSF", "RNF");
        var labels = ClassLabels.Fit(frame["Machine failure"]).Encode(frame["Machine failure"]);
        var train = frame.Take(StratifiedSplit.Split(labels, 0.2, 0).Train);

        var fitted = new FeatureSynthesis().Fit(train, new FeatureFitContext(Target: "Machine failure", Seed: 0));

        fitted.Features.ShouldContain(f => IsProductOf(f, Torque, Speed), string.Join("\n", fitted.Report!.ToLines()));
        fitted.Features.ShouldContain(f => IsProductOf(f, Torque, Wear), string.Join("\n", fitted.Report!.ToLines()));
        fitted.Report!.Kept.ShouldAllBe(k => k.Gain >= new FeatureSynthesisOptions().MinGain);
        fitted.Features.Count.ShouldBeLessThanOrEqualTo(5);
    }

    private static bool IsProductOf(SynthesizedFeature f, string x, string y) =>
        f.Operation == SynthesisOperation.Product && new[] { f.Left, f.Right }.Order(StringComparer.Ordinal).SequenceEqual(new[] { x, y }.Order(StringComparer.Ordinal));
}
