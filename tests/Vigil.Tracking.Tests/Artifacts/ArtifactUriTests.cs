using Shouldly;
using Vigil.Tracking.Artifacts;
using Xunit;

namespace Vigil.Tracking.Tests.Artifacts;

public sealed class ArtifactUriTests
{
    [Theory]
    [InlineData("mlflow-artifacts:/1/abc/artifacts", "1/abc/artifacts")]
    [InlineData("mlflow-artifacts:/1/abc/artifacts/model/", "1/abc/artifacts/model")]
    [InlineData("mlflow-artifacts://localhost:5000/1/abc/artifacts/model", "1/abc/artifacts/model")]
    public void ToStorePath_Proxied_IsRootRelative(string uri, string expected)
    {
        ArtifactUri.IsProxied(uri).ShouldBeTrue();
        ArtifactUri.ToStorePath(uri).ShouldBe(expected);
    }

    [Theory]
    [InlineData("s3://bucket/1/abc")]
    [InlineData("runs:/abc/model")]
    [InlineData("mlflow-artifacts:/1/../../etc")]
    [InlineData("mlflow-artifacts:/")]
    public void ToStorePath_OtherSchemeOrEscape_IsInvalid(string uri)
    {
        var error = Should.Throw<TrackingException>(() => ArtifactUri.ToStorePath(uri));

        error.ErrorCode.ShouldBe(TrackingErrorCode.InvalidParameterValue);
    }
}
