using Shouldly;
using Xunit;

namespace Vigil.Serving.Tests;

public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("pdm@champion", "pdm", "champion", null)]
    [InlineData("pdm", "pdm", "champion", null)]
    [InlineData("pdm/3", "pdm", null, 3)]
    [InlineData("pdm:12", "pdm", null, 12)]
    public void Parse_RegistryReferences(string text, string name, string? alias, int? version)
    {
        var reference = ModelReference.Parse(text);
        reference.Name.ShouldBe(name);
        reference.Alias.ShouldBe(alias);
        reference.Version.ShouldBe(version);
        reference.FilePath.ShouldBeNull();
    }

    [Fact]
    public void Parse_FileReference_UsesFileNameAsName()
    {
        var reference = ModelReference.Parse("file:models/pdm.vigil");
        reference.Name.ShouldBe("pdm");
        reference.FilePath.ShouldBe("models/pdm.vigil");
        reference.FollowsAlias.ShouldBeFalse();
        reference.ToString().ShouldBe("file:models/pdm.vigil");
    }

    [Theory]
    [InlineData("")]
    [InlineData("@champion")]
    [InlineData("pdm@")]
    [InlineData("pdm/0")]
    [InlineData("pdm/x")]
    public void Parse_Rejects(string text) => Should.Throw<FormatException>(() => ModelReference.Parse(text));
}
