using Shouldly;
using Vigil.Tracking.Search;
using Xunit;

namespace Vigil.Tracking.Tests.Search;

public sealed class PageTokenTests
{
    private const string Fingerprint = "runs|1|metrics.f1 > 0";

    [Theory]
    [InlineData(0L)]
    [InlineData(1000L)]
    [InlineData(long.MaxValue)]
    public void EncodeDecode_RoundTripsOffset(long offset) => PageToken.Decode(PageToken.Encode(offset, Fingerprint), Fingerprint).ShouldBe(offset);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decode_NoToken_IsFirstPage(string? token) => PageToken.Decode(token, Fingerprint).ShouldBe(0);

    [Fact]
    public void Decode_EveryCharacterChanged_IsRejected()
    {
        var token = PageToken.Encode(40, Fingerprint);
        for (var i = 0; i < token.Length; i++)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Should.Throw<TrackingException>(() => PageToken.Decode(tampered, Fingerprint)).ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        }
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("abc")]
    [InlineData("MTAw")]
    public void Decode_Garbage_IsRejected(string token) =>
        Should.Throw<TrackingException>(() => PageToken.Decode(token, Fingerprint)).Message.ShouldContain(token);

    [Fact]
    public void Decode_OtherSearch_IsRejected()
    {
        var token = PageToken.Encode(40, Fingerprint);

        Should.Throw<TrackingException>(() => PageToken.Decode(token, "runs|2|")).Message.ShouldContain("different search");
    }

    [Fact]
    public void FingerprintOf_DistinguishesNullEmptyAndSeparators()
    {
        PageToken.FingerprintOf("a", null).ShouldNotBe(PageToken.FingerprintOf("a", ""));
        PageToken.FingerprintOf("a\u001fb").ShouldNotBe(PageToken.FingerprintOf("a", "b"));
    }
}
