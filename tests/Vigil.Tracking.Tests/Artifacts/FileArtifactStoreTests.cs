using System.Text;
using Shouldly;
using Vigil.Testing;
using Vigil.Tracking.Artifacts;
using Xunit;

namespace Vigil.Tracking.Tests.Artifacts;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileArtifactStore _store;

    public FileArtifactStoreTests() => _store = new FileArtifactStore(_directory.File("artifacts"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutThenOpenRead_RoundTripsBytes()
    {
        var path = ArtifactPath.ForRun("1", "abc", "model/MLmodel");
        await _store.PutAsync(path, new MemoryStream(Encoding.UTF8.GetBytes("flavors: {}")), Ct);

        using var reader = new StreamReader(_store.OpenRead(path));

        (await reader.ReadToEndAsync(Ct)).ShouldBe("flavors: {}");
        _store.Exists(path).ShouldBeTrue();
        File.Exists(Path.Combine(_store.RootDirectory, "1", "abc", "artifacts", "model", "MLmodel")).ShouldBeTrue();
    }

    [Fact]
    public async Task Put_Again_ReplacesContent()
    {
        await _store.PutAsync("a.txt", new MemoryStream([1, 2, 3]), Ct);
        await _store.PutAsync("a.txt", new MemoryStream([9]), Ct);

        using var stream = _store.OpenRead("a.txt");
        stream.ReadByte().ShouldBe(9);
        stream.ReadByte().ShouldBe(-1);
    }

    [Fact]
    public async Task List_ReturnsDirectChildrenWithSizes_SkippingStaging()
    {
        await _store.PutAsync("run/artifacts/b.txt", new MemoryStream(new byte[5]), Ct);
        await _store.PutAsync("run/artifacts/a/x.bin", new MemoryStream(new byte[2]), Ct);

        var children = await _store.ListAsync("run/artifacts", Ct);
        var root = await _store.ListAsync(cancellationToken: Ct);

        children.ShouldBe([new ArtifactEntry("run/artifacts/a", true, null), new ArtifactEntry("run/artifacts/b.txt", false, 5)]);
        root.ShouldBe([new ArtifactEntry("run", true, null)]);
        (await _store.ListAsync("missing", Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/tmp/outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("a\\..\\..\\outside.txt")]
    [InlineData("a\0.txt")]
    public async Task Put_TraversalAttempt_IsRejectedAndWritesNothing(string path)
    {
        var error = await Should.ThrowAsync<TrackingException>(() => _store.PutAsync(path, new MemoryStream([1]), Ct));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        Directory.GetFiles(_directory.Path, "outside.txt", SearchOption.AllDirectories).ShouldBeEmpty();
        File.Exists("/tmp/outside.txt").ShouldBeFalse();
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    public async Task ReadAndList_TraversalAttempt_IsRejected(string path)
    {
        Should.Throw<TrackingException>(() => _store.OpenRead(path));
        Should.Throw<TrackingException>(() => _store.Exists(path));
        await Should.ThrowAsync<TrackingException>(() => _store.ListAsync(path, Ct));
    }

    [Fact]
    public void OpenRead_Missing_IsResourceDoesNotExist() =>
        Should.Throw<TrackingException>(() => _store.OpenRead("nope.txt")).ErrorCode.ShouldBe(TrackingErrorCode.ResourceDoesNotExist);

    public void Dispose() => _directory.Dispose();
}
