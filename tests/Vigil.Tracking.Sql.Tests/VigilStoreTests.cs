using Shouldly;
using Vigil.Testing;
using Xunit;

namespace Vigil.Tracking.Sql.Tests;

public sealed class VigilStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Open_DefaultUri_CreatesDataDirectoryDatabaseAndContentFolder()
    {
        var dataDirectory = Path.Combine(_directory.Path, "data");

        await using var store = VigilStore.Open(dataDirectory, time: new FakeTimeProvider());

        store.DataDirectory.ShouldBe(dataDirectory);
        store.StoreUri.ShouldBe(VigilStore.DefaultStoreUri(dataDirectory));
        store.StoreUri.ShouldBe("sqlite:///" + Path.Combine(dataDirectory, "vigil.db"));
        File.Exists(Path.Combine(dataDirectory, "vigil.db")).ShouldBeTrue();
        Directory.Exists(Path.Combine(dataDirectory, "content")).ShouldBeTrue();
    }

    [Fact]
    public async Task Open_PlainFilePath_UsesThatFile()
    {
        var databasePath = _directory.File("elsewhere.db");

        await using var store = VigilStore.Open(_directory.Path, databasePath);
        await store.Datasets.RegisterAsync(Contracts.DatasetSamples.New("iris", "x"), TestContext.Current.CancellationToken);

        File.Exists(databasePath).ShouldBeTrue();
        File.Exists(_directory.File("vigil.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Content_PutThroughStore_LandsUnderContentFolder()
    {
        await using var store = VigilStore.Open(_directory.Path);

        var key = await store.Content.PutAsync(new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);

        store.Content.GetPath(key).ShouldStartWith(Path.Combine(_directory.Path, "content") + Path.DirectorySeparatorChar);
    }

    [Fact]
    public void Open_PostgresUri_ThrowsNotSupportedWithoutTouchingDisk()
    {
        var dataDirectory = Path.Combine(_directory.Path, "data");

        var error = Should.Throw<NotSupportedException>(() => VigilStore.Open(dataDirectory, "postgresql://vigil:secret@db/vigil"));

        error.Message.ShouldContain("PostgreSQL support arrives with the tracking/registry work");
        error.Message.ShouldNotContain("secret");
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public void Open_UnknownScheme_ThrowsArgumentExceptionNamingScheme() =>
        Should.Throw<ArgumentException>(() => VigilStore.Open(_directory.Path, "s3://bucket/vigil")).Message.ShouldContain("'s3'");

    [Fact]
    public async Task Datasets_AfterDispose_ThrowObjectDisposed()
    {
        var store = VigilStore.Open(_directory.Path);
        await store.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => store.Datasets.ListAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    public void Dispose() => _directory.Dispose();
}
