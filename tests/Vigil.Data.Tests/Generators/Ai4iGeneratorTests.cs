using Shouldly;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.Testing;
using Xunit;
using static Vigil.Data.Tests.Generators.Ai4iStats;

namespace Vigil.Data.Tests.Generators;

public sealed partial class Ai4iGeneratorTests
{
    private static readonly string[] ModeFlags = [Ai4iColumns.Twf, Ai4iColumns.Hdf, Ai4iColumns.Pwf, Ai4iColumns.Osf, Ai4iColumns.Rnf];

    private static readonly Lazy<DataFrame> Large = new(() => Ai4iGenerator.Generate(new(rows: 50_000, seed: 7)));

    [Fact]
    public void Generate_SameSeed_ProducesIdenticalFrames()
    {
        var a = Ai4iGenerator.Generate(new(rows: 5_000, seed: 11));
        var b = Ai4iGenerator.Generate(new(rows: 5_000, seed: 11));

        for (var c = 0; c < a.ColumnCount; c++)
        {
            for (var r = 0; r < a.RowCount; r++)
            {
                b[c].GetValue(r).ShouldBe(a[c].GetValue(r), $"column {a[c].Name}, row {r}");
            }
        }
    }

    [Fact]
    public void Generate_DifferentSeeds_ProduceDifferentValues()
    {
        var a = Ai4iGenerator.Generate(new(rows: 1_000, seed: 1));
        var b = Ai4iGenerator.Generate(new(rows: 1_000, seed: 2));

        foreach (var name in new[] { Ai4iColumns.AirTemperature, Ai4iColumns.Torque, Ai4iColumns.RotationalSpeed })
        {
            Values(a, name).SequenceEqual(Values(b, name)).ShouldBeFalse(name);
        }

        a.Get<CategoricalColumn>(Ai4iColumns.Type).Codes.SequenceEqual(b.Get<CategoricalColumn>(Ai4iColumns.Type).Codes).ShouldBeFalse();
    }

    [Fact]
    public void Generate_AnyOptions_HasTheDatasetColumnsInOrderWithKinds()
    {
        var frame = Ai4iGenerator.Generate(new(rows: 10, seed: 3));

        frame.ColumnNames.ShouldBe(
        [
            "UDI", "Product ID", "Type", "Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]",
            "Torque [Nm]", "Tool wear [min]", "Machine failure", "TWF", "HDF", "PWF", "OSF", "RNF",
        ]);
        frame.ColumnNames.ShouldBe(Ai4iColumns.All);
        frame.Columns.Select(c => c.Kind).ShouldBe(
        [
            ColumnKind.Float64, ColumnKind.String, ColumnKind.Categorical,
            .. Enumerable.Repeat(ColumnKind.Float64, 11),
        ]);
        frame.Get<CategoricalColumn>(Ai4iColumns.Type).Categories.ShouldBe(["L", "M", "H"]);
        frame.Columns.Sum(c => c.MissingCount).ShouldBe(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1_234)]
    public void Generate_Rows_SetsRowCountAndNumbersUdiFromOne(int rows)
    {
        var frame = Ai4iGenerator.Generate(new(rows, seed: 5));

        frame.RowCount.ShouldBe(rows);
        Values(frame, Ai4iColumns.Udi).ToArray().ShouldBe(Enumerable.Range(1, rows).Select(i => (double)i));
    }

    [Fact]
    public void Generate_ProductIds_AreTypeLetterPlusUniqueSerial()
    {
        var frame = Large.Value;
        var ids = frame.Get<StringColumn>(Ai4iColumns.ProductId);
        var types = frame.Get<CategoricalColumn>(Ai4iColumns.Type);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < frame.RowCount; i++)
        {
            var id = ids[i]!;
            id[..1].ShouldBe(types[i]);
            id[1..].All(char.IsAsciiDigit).ShouldBeTrue(id);
            seen.Add(id).ShouldBeTrue($"duplicate {id}");
        }
    }

    [Fact]
    public void Generate_DocumentedExample_PrintsTheGoldenRows()
    {
        // The example in docs/data-generator.md.
        var frame = Ai4iGenerator.Generate(new(rows: 5, seed: 42));

        var rows = Enumerable.Range(0, frame.RowCount).Select(r => string.Join(",", frame.Columns.Select(c => c.Format(r))));

        rows.ShouldBe(
        [
            "1,M14860,M,298.3,307.5,1342,53.3,0,0,0,0,0,0,0",
            "2,L47181,L,302.1,313.6,1349,51,3,0,0,0,0,0,0",
            "3,L47182,L,299.6,310.3,1938,23.1,5,0,0,0,0,0,0",
            "4,L47183,L,297.5,307.4,1480,38.5,7,0,0,0,0,0,0",
            "5,L47184,L,302.5,311.2,1582,31.2,9,0,0,0,0,0,0",
        ]);
    }

    [Fact]
    public void Generate_MeasuredColumns_AreRoundedLikeTheFileAndInRange()
    {
        var frame = Large.Value;

        foreach (var name in new[] { Ai4iColumns.AirTemperature, Ai4iColumns.ProcessTemperature, Ai4iColumns.Torque })
        {
            foreach (var v in Values(frame, name))
            {
                (v * 10).ShouldBe(Math.Round(v * 10), 1e-6, name);
            }
        }

        foreach (var name in new[] { Ai4iColumns.RotationalSpeed, Ai4iColumns.ToolWear })
        {
            foreach (var v in Values(frame, name))
            {
                v.ShouldBe(Math.Round(v), name);
            }
        }

        Values(frame, Ai4iColumns.Torque).ToArray().Min().ShouldBeGreaterThanOrEqualTo(0);
        Values(frame, Ai4iColumns.RotationalSpeed).ToArray().Min().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_HeatDissipationFlag_HoldsTheRuleOnEveryRow()
    {
        var frame = Large.Value;
        var air = Values(frame, Ai4iColumns.AirTemperature);
        var process = Values(frame, Ai4iColumns.ProcessTemperature);
        var speed = Values(frame, Ai4iColumns.RotationalSpeed);
        var hdf = Values(frame, Ai4iColumns.Hdf);

        for (var i = 0; i < frame.RowCount; i++)
        {
            var expected = process[i] - air[i] < 8.6 && speed[i] < 1380;
            hdf[i].ShouldBe(expected ? 1.0 : 0.0, $"row {i}");
        }

        Count(frame, Ai4iColumns.Hdf).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_PowerFlag_HoldsTheRuleOnEveryRow()
    {
        var frame = Large.Value;
        var torque = Values(frame, Ai4iColumns.Torque);
        var speed = Values(frame, Ai4iColumns.RotationalSpeed);
        var pwf = Values(frame, Ai4iColumns.Pwf);

        for (var i = 0; i < frame.RowCount; i++)
        {
            var watts = torque[i] * (speed[i] / 60 * 2 * Math.PI);
            pwf[i].ShouldBe(watts is < 3500 or > 9000 ? 1.0 : 0.0, $"row {i}");
        }

        Count(frame, Ai4iColumns.Pwf).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_OverstrainFlag_HoldsTheRuleOnEveryRow()
    {
        var frame = Large.Value;
        var types = frame.Get<CategoricalColumn>(Ai4iColumns.Type);
        var wear = Values(frame, Ai4iColumns.ToolWear);
        var torque = Values(frame, Ai4iColumns.Torque);
        var osf = Values(frame, Ai4iColumns.Osf);

        for (var i = 0; i < frame.RowCount; i++)
        {
            var limit = types[i] switch { "L" => 11_000, "M" => 12_000, _ => 13_000 };
            osf[i].ShouldBe(wear[i] * torque[i] > limit ? 1.0 : 0.0, $"row {i}");
        }

        Count(frame, Ai4iColumns.Osf).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Generate_ToolWear_GrowsByTypeUntilTheToolIsReplacedOrFails()
    {
        var frame = Large.Value;
        var types = frame.Get<CategoricalColumn>(Ai4iColumns.Type);
        var wear = Values(frame, Ai4iColumns.ToolWear);
        var twf = Values(frame, Ai4iColumns.Twf);
        var toolEnds = 0;

        wear[0].ShouldBe(0);
        for (var i = 0; i < frame.RowCount; i++)
        {
            wear[i].ShouldBeLessThanOrEqualTo(240, $"row {i}");
            var added = types[i] switch { "L" => 2, "M" => 3, _ => 5 };
            var toolChanges = i + 1 < frame.RowCount ? wear[i + 1] == 0 : twf[i] == 1;
            if (toolChanges)
            {
                // The tool's life, drawn from [200, 240], lies in (wear, wear + added].
                (wear[i] + added).ShouldBeGreaterThan(200, $"row {i}");
                toolEnds++;
            }
            else
            {
                twf[i].ShouldBe(0, $"row {i}: TWF without a tool change");
                if (i + 1 < frame.RowCount)
                {
                    wear[i + 1].ShouldBe(wear[i] + added, $"row {i + 1}");
                }
            }
        }

        // About 50,000 rows / (220 min / 2.6 min per product) tool ends, 51/120 of them failures.
        toolEnds.ShouldBeInRange(500, 700);
        (Count(frame, Ai4iColumns.Twf) / (double)toolEnds).ShouldBe(51.0 / 120, 0.07);
    }

    [Fact]
    public void Generate_MachineFailure_IsTheOrOfTheFiveModes()
    {
        var frame = Large.Value;
        var failure = Values(frame, Ai4iColumns.MachineFailure);

        for (var i = 0; i < frame.RowCount; i++)
        {
            var any = false;
            foreach (var flag in ModeFlags)
            {
                var v = frame.Get<Float64Column>(flag)[i];
                (v is 0 or 1).ShouldBeTrue($"{flag} row {i} = {v}");
                any |= v == 1;
            }

            failure[i].ShouldBe(any ? 1.0 : 0.0, $"row {i}");
        }
    }

    [Fact]
    public void Generate_RandomFailures_OccurAtTheConfiguredRate()
    {
        Count(Large.Value, Ai4iColumns.Rnf).ShouldBeInRange(25, 80); // 0.1 % of 50,000 = 50

        var none = Ai4iGenerator.Generate(new(rows: 20_000, seed: 7, randomFailureProbability: 0));
        var all = Ai4iGenerator.Generate(new(rows: 1_000, seed: 7, randomFailureProbability: 1));

        Count(none, Ai4iColumns.Rnf).ShouldBe(0);
        Count(all, Ai4iColumns.Rnf).ShouldBe(1_000);
        Count(all, Ai4iColumns.MachineFailure).ShouldBe(1_000);
    }

    [Fact]
    public void Generate_ToolFailureProbabilityZero_ReplacesEveryToolWithoutTwf()
    {
        var frame = Ai4iGenerator.Generate(new(rows: 20_000, seed: 8, toolFailureProbability: 0));

        Count(frame, Ai4iColumns.Twf).ShouldBe(0);
        Values(frame, Ai4iColumns.ToolWear).ToArray().Count(w => w == 0).ShouldBeGreaterThan(200);
    }

    [Fact]
    public void Generate_OptionKnobs_LeaveTheOtherColumnsUnchanged()
    {
        var baseline = Ai4iGenerator.Generate(new(rows: 2_000, seed: 9));
        var tuned = Ai4iGenerator.Generate(new(rows: 2_000, seed: 9, toolFailureProbability: 1, randomFailureProbability: 0.5));

        foreach (var name in new[] { Ai4iColumns.AirTemperature, Ai4iColumns.ProcessTemperature, Ai4iColumns.RotationalSpeed, Ai4iColumns.Torque, Ai4iColumns.ToolWear })
        {
            Values(tuned, name).SequenceEqual(Values(baseline, name)).ShouldBeTrue(name);
        }
    }

    [Fact]
    public void Generate_DocumentedTypeShares_FollowsThem()
    {
        var frame = Ai4iGenerator.Generate(new(rows: 20_000, seed: 10, typeShares: Ai4iTypeShares.Documented));

        Share(frame, "L").ShouldBe(0.5, 0.02);
        Share(frame, "M").ShouldBe(0.3, 0.02);
        Share(frame, "H").ShouldBe(0.2, 0.02);
    }
}
