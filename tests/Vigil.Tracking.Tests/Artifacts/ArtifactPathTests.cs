using Shouldly;
using Vigil.Tracking.Artifacts;
using Xunit;

namespace Vigil.Tracking.Tests.Artifacts;

public sealed class ArtifactPathTests
{
    [Theory]
    [InlineData("model/MLmodel", "model/MLmodel")]
    [InlineData("model/", "model")]
    [InlineData("a b/c-d_e.f", "a b/c-d_e.f")]
    [InlineData("..hidden/x", "..hidden/x")]
    public void Normalize_Relative_IsAccepted(string path, string expected) => ArtifactPath.Normalize(path).ShouldBe(expected);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("../secret", "'..'")]
    [InlineData("a/../../b", "'..'")]
    [InlineData("a/..", "'..'")]
    [InlineData("a\\b", "backslash")]
    [InlineData("..\\b", "backslash")]
    [InlineData("a\0b", "NUL")]
    [InlineData("C:/windows", "colon")]
    [InlineData("a//b", "empty")]
    [InlineData("./a", "'.'")]
    [InlineData(".staging/x", "reserved")]
    public void Normalize_Unsafe_IsRejected(string path, string reason)
    {
        var error = Should.Throw<TrackingException>(() => ArtifactPath.Normalize(path));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void ForRun_BuildsRunScopedFolder()
    {
        ArtifactPath.ForRun("1", "abc").ShouldBe("1/abc/artifacts");
        ArtifactPath.ForRun("1", "abc", "model/MLmodel").ShouldBe("1/abc/artifacts/model/MLmodel");
        Should.Throw<TrackingException>(() => ArtifactPath.ForRun("1", "abc", "../../x"));
        Should.Throw<TrackingException>(() => ArtifactPath.ForRun("..", "abc"));
    }
}
