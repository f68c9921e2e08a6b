using Shouldly;
using Vigil.Data.Frames;
using Vigil.Pipelines.Ingestion;
using Vigil.Testing;
using Vigil.Tracking.Datasets;
using Vigil.Tracking.Sql;
using Xunit;

namespace Vigil.Pipelines.Tests.Ingestion;

public sealed class DatasetIngestorTests
{
    [Fact]
    public async Task IngestThenLoad_SameFrameAndSchema()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("d.csv"), "id,kind,value\n1,a,0.5\n2,b,1.5\n3,a,NA\n");
        await using var store = VigilStore.Open(dir.File("data"), null, new FakeTimeProvider());
        var ingestor = new DatasetIngestor(store.Datasets, store.Content, dir.File("q"));

        var result = await ingestor.IngestAsync(new IngestRequest(dir.File("d.csv"), "d", "value"), null, TestContext.Current.CancellationToken);
        var loaded = await ingestor.LoadAsync(DatasetReference.Parse("d@1"), TestContext.Current.CancellationToken);

        result.Version.Reference.ShouldBe("d@1");
        result.QuarantineFile.ShouldBeNull();
        loaded.Read.Frame.Schema.ShouldBe(result.Read.Frame.Schema);
        loaded.Read.Frame.Get<Float64Column>("value").ToArray().ShouldBe(result.Read.Frame.Get<Float64Column>("value").ToArray());
        loaded.Version.Target.ShouldBe("value");
    }

    [Fact]
    public async Task Ingest_BadRows_WritesQuarantineNamedAfterTheVersion()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("d.csv"), "a,b\n1,2\n3\n4,5\n");
        await using var store = VigilStore.Open(dir.File("data"), null, new FakeTimeProvider());
        var ingestor = new DatasetIngestor(store.Datasets, store.Content, dir.File("q"));

        var result = await ingestor.IngestAsync(new IngestRequest(dir.File("d.csv"), "d"), null, TestContext.Current.CancellationToken);

        result.Version.QuarantinedRowCount.ShouldBe(1);
        result.QuarantineFile.ShouldBe(Path.Combine(dir.File("q"), "d-v1.csv"));
        File.ReadAllText(result.QuarantineFile!).ShouldContain("line 3");
    }

    [Fact]
    public async Task Ingest_WithSource_RecordsItInsteadOfThePath()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("tmp123.csv"), "a,b\n1,2\n");
        await using var store = VigilStore.Open(dir.File("data"), null, new FakeTimeProvider());
        var ingestor = new DatasetIngestor(store.Datasets, store.Content, dir.File("q"));

        var result = await ingestor.IngestAsync(new IngestRequest(dir.File("tmp123.csv"), "d", source: "upload:sensors.csv"), null, TestContext.Current.CancellationToken);

        result.Version.Source.ShouldBe("upload:sensors.csv");
        Should.Throw<ArgumentException>(() => new IngestRequest(dir.File("tmp123.csv"), "d", source: " ")).Message.ShouldContain("source");
    }

    [Fact]
    public async Task Ingest_UnknownTarget_ThrowsListingColumns()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("d.csv"), "a,b\n1,2\n");
        await using var store = VigilStore.Open(dir.File("data"), null, new FakeTimeProvider());
        var ingestor = new DatasetIngestor(store.Datasets, store.Content, dir.File("q"));

        var ex = await Should.ThrowAsync<ArgumentException>(() => ingestor.IngestAsync(new IngestRequest(dir.File("d.csv"), "d", "zzz"), null, TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("'zzz'");
        ex.Message.ShouldContain("a, b");
    }

    [Fact]
    public async Task Load_UnknownVersion_ThrowsKeyNotFound()
    {
        using var dir = new TempDirectory();
        await using var store = VigilStore.Open(dir.File("data"), null, new FakeTimeProvider());
        var ingestor = new DatasetIngestor(store.Datasets, store.Content, dir.File("q"));

        await Should.ThrowAsync<KeyNotFoundException>(() => ingestor.LoadAsync(DatasetReference.Parse("nope@2"), TestContext.Current.CancellationToken));
    }
}
