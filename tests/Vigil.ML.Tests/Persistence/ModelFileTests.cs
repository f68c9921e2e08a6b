using System.Buffers.Binary;
using Shouldly;
using Vigil.ML.Persistence;
using Vigil.Testing;
using Xunit;

namespace Vigil.ML.Tests.Persistence;

public sealed class ModelFileTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static TabularClassifier Classifier() => TabularClassifierTests.Train().WithInfo(
        TabularClassifierTests.Train().Info with
        {
            Metrics = new Dictionary<string, double> { ["f1"] = 0.75, ["roc_auc"] = double.NaN },
            TrainingDatasetHash = "sha256:abc",
            CreatedAt = Created,
        });

    private static byte[] Bytes(TabularClassifier classifier)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(classifier, stream);
        return stream.ToArray();
    }

    private static ModelFileException LoadFails(byte[] bytes) =>
        Should.Throw<ModelFileException>(() => ModelFile.Load(new MemoryStream(bytes)));

    [Fact]
    public void SaveLoad_Path_GivesIdenticalProbabilitiesAndMetadata()
    {
        using var dir = new TempDirectory();
        var original = Classifier();
        var path = dir.File("model.vigil");

        ModelFile.Save(original, path);
        var loaded = ModelFile.LoadClassifier(path);

        loaded.PredictProba(Frames.Machines()).ShouldBe(original.PredictProba(Frames.Machines()));
        loaded.Encoding.FeatureNames.ShouldBe(original.Encoding.FeatureNames);
        loaded.Encoding.ExcludedColumns.ShouldBe(original.Encoding.ExcludedColumns);
        loaded.Labels.Labels.ShouldBe(["0", "1"]);
        loaded.Labels.TargetName.ShouldBe("Failure");
        loaded.Info.CreatedAt.ShouldBe(Created);
        loaded.Info.TrainingDatasetHash.ShouldBe("sha256:abc");
        loaded.Info.Metrics["f1"].ShouldBe(0.75);
        double.IsNaN(loaded.Info.Metrics["roc_auc"]).ShouldBeTrue();
        loaded.Info.LearnerOptionsJson.ShouldContain("Entropy");
        Directory.GetFiles(dir.Path).ShouldHaveSingleItem(); // no temp file left behind
    }

    [Fact]
    public void Save_Twice_IsByteIdentical() => Bytes(Classifier()).ShouldBe(Bytes(Classifier()));

    [Fact]
    public void Save_Always_StartsWithMagicAndVersion()
    {
        var bytes = Bytes(Classifier());

        System.Text.Encoding.ASCII.GetString(bytes, 0, 8).ShouldBe("VIGILMDL");
        BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)).ShouldBe(ModelFile.CurrentVersion);
    }

    [Fact]
    public void Load_BadMagic_Throws()
    {
        var bytes = Bytes(Classifier());
        bytes[0] = (byte)'X';

        LoadFails(bytes).Message.ShouldContain("magic");
    }

    [Fact]
    public void Load_FutureVersion_Throws()
    {
        var bytes = Bytes(Classifier());
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), ModelFile.CurrentVersion + 1);

        LoadFails(bytes).Message.ShouldContain("newer");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(14)]
    public void Load_CutInsideHeader_Throws(int kept) => LoadFails(Bytes(Classifier())[..kept]).Message.ShouldContain("truncated");

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(100)]
    public void Load_CutShort_Throws(int dropped) => LoadFails(Bytes(Classifier())[..^dropped]).Message.ShouldContain("truncated");

    [Fact]
    public void Load_FlippedPayloadByte_FailsChecksum()
    {
        var bytes = Bytes(Classifier());
        bytes[^40] ^= 0x01;

        LoadFails(bytes).Message.ShouldContain("checksum");
    }

    [Fact]
    public void Load_FlippedMetadataByte_FailsChecksum()
    {
        var bytes = Bytes(Classifier());
        bytes[30] ^= 0x20;

        LoadFails(bytes).Message.ShouldContain("checksum");
    }

    [Fact]
    public void Load_TrailingBytes_Throws() => LoadFails([.. Bytes(Classifier()), 0]).Message.ShouldContain("after its checksum");

    [Fact]
    public void Load_Empty_Throws() => LoadFails([]);

    [Fact]
    public void Load_UnknownModelKind_Throws()
    {
        var bytes = Bytes(Classifier());
        var (version, metadata, payload) = ModelFileFormat.Read(bytes);
        var json = System.Text.Encoding.UTF8.GetString(metadata).Replace("vigil.decision-tree-classifier", "vigil.something-else", StringComparison.Ordinal);

        LoadFails(ModelFileFormat.Write(version, System.Text.Encoding.UTF8.GetBytes(json), payload)).Message.ShouldContain("vigil.something-else");
    }

    [Fact]
    public void Load_ValidChecksumButInconsistentPayload_Throws()
    {
        var bytes = Bytes(Classifier());
        var (version, metadata, payload) = ModelFileFormat.Read(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(payload, 3); // claims 3 features; the encoding has 5

        LoadFails(ModelFileFormat.Write(version, metadata, payload)).Message.ShouldContain("inconsistent");
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.vigil");
        File.WriteAllText(path, "old");

        ModelFile.Save(Classifier(), path);

        ModelFile.LoadClassifier(path).ClassCount.ShouldBe(2);
    }

    [Fact]
    public void LoadRegressor_FileHoldsClassifier_ThrowsNamingTheKind()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.vigil");
        ModelFile.Save(Classifier(), path);

        Should.Throw<ModelFileException>(() => ModelFile.LoadRegressor(path)).Message.ShouldContain("classification");
    }
}
