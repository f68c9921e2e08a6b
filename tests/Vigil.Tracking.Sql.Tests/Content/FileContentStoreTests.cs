using System.Security.Cryptography;
using System.Text;
using Shouldly;
using Vigil.Testing;
using Vigil.Tracking.Content;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Content;

// FileContentStore lives in Vigil.Tracking; its tests sit here beside the other store tests.
public sealed class FileContentStoreTests : IDisposable
{
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private readonly TempDirectory _directory = new();
    private readonly FileContentStore _store;

    public FileContentStoreTests() => _store = new FileContentStore(_directory.File("content"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutAsync_Bytes_ReturnsLowercaseSha256AndStoresShardedFile()
    {
        var key = await _store.PutAsync(Utf8("abc"), Ct);

        key.ShouldBe(AbcSha256);
        _store.GetPath(key).ShouldBe(Path.Combine(_store.RootDirectory, "ba", AbcSha256[2..]));
        File.ReadAllText(_store.GetPath(key)).ShouldBe("abc");
    }

    [Fact]
    public async Task OpenRead_AfterPut_ReturnsTheSameBytes()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        var key = await _store.PutAsync(new MemoryStream(bytes), Ct);
        using var read = new MemoryStream();
        await using (var stream = _store.OpenRead(key))
        {
            await stream.CopyToAsync(read, Ct);
        }

        read.ToArray().ShouldBe(bytes);
        key.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        _store.Contains(key).ShouldBeTrue();
    }

    [Fact]
    public async Task PutAsync_EmptyStream_StoresEmptyBlob()
    {
        var key = await _store.PutAsync(new MemoryStream(), Ct);

        key.ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        new FileInfo(_store.GetPath(key)).Length.ShouldBe(0);
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_StoresOnceAndReturnsSameKey()
    {
        var first = await _store.PutAsync(Utf8("abc"), Ct);
        var written = File.GetLastWriteTimeUtc(_store.GetPath(first));

        var second = await _store.PutAsync(Utf8("abc"), Ct);

        second.ShouldBe(first);
        AllFiles().ShouldBe([_store.GetPath(first)]);
        File.GetLastWriteTimeUtc(_store.GetPath(first)).ShouldBe(written);
    }

    [Fact]
    public async Task PutAsync_ConcurrentSameBytes_StoresOneFile()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.PutAsync(Utf8("same"), Ct), Ct)));

        keys.Distinct().Count().ShouldBe(1);
        AllFiles().ShouldBe([_store.GetPath(keys[0])]);
    }

    [Fact]
    public async Task PutAsync_Success_LeavesNoTemporaryFiles()
    {
        await _store.PutAsync(Utf8("one"), Ct);
        await _store.PutAsync(Utf8("two"), Ct);

        AllFiles().Count.ShouldBe(2);
        AllFiles().ShouldAllBe(f => ContentKey.IsValid(Path.GetFileName(Path.GetDirectoryName(f)) + Path.GetFileName(f)));
    }

    [Fact]
    public async Task PutAsync_StreamFailsMidway_LeavesNothingBehind()
    {
        await Should.ThrowAsync<IOException>(() => _store.PutAsync(new FailingStream(), Ct));

        AllFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("../../../../../../../../../../../../../../../../../../../etc/passwd")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("ba/816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Accessors_InvalidKey_ThrowArgumentExceptionNamingKey(string key)
    {
        Should.Throw<ArgumentException>(() => _store.GetPath(key)).Message.ShouldContain($"'{key}'");
        Should.Throw<ArgumentException>(() => _store.Contains(key));
        Should.Throw<ArgumentException>(() => _store.OpenRead(key));
    }

    [Fact]
    public void OpenRead_MissingKey_ThrowsFileNotFoundNamingKey()
    {
        Should.Throw<FileNotFoundException>(() => _store.OpenRead(AbcSha256)).Message.ShouldContain(AbcSha256);
        _store.Contains(AbcSha256).ShouldBeFalse();
    }

    public void Dispose() => _directory.Dispose();

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private List<string> AllFiles() => [.. Directory.EnumerateFiles(_store.RootDirectory, "*", SearchOption.AllDirectories)];

    // Yields some bytes, then fails as a dropped network read would.
    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 2)
            {
                throw new IOException("connection reset");
            }

            buffer.AsSpan(offset, count).Fill(42);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
