using Shouldly;
using Vigil.Data.Generators;
using Vigil.ML.Persistence;
using Vigil.Pipelines;
using Vigil.Pipelines.Tracking;
using Vigil.Pipelines.Training;
using Vigil.Serving.Hosting;
using Vigil.Tracking.Registry;
using Xunit;

namespace Vigil.Serving.Tests.Hosting;

public sealed class ModelLoaderTests
{
    [Fact]
    public async Task Load_ByAlias_ResolvesTheAliasedVersionAndScores()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm", alias: null);
        await kit.RegisterAsync("pdm", alias: "champion");

        var model = await kit.Loader.LoadAsync(ModelReference.Parse("pdm@champion"), ServingTestKit.Token);

        model.Identity.Name.ShouldBe("pdm");
        model.Identity.Version.ShouldBe(2);
        model.Identity.Source.ShouldStartWith("mlflow-artifacts:/0/");
        model.Score(ServingTestKit.Records, ServingTestKit.Token).Rows.ShouldBe(5);
    }

    [Fact]
    public async Task Load_ByVersion_LoadsThatVersion()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");
        await kit.RegisterAsync("pdm", alias: null);

        var model = await kit.Loader.LoadAsync(ModelReference.Parse("pdm/2"), ServingTestKit.Token);

        model.Identity.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Load_FromFile_UsesVersionZeroAndTheFullPath()
    {
        using var kit = new ServingTestKit();
        var path = kit.Directory.File("local.vigil");
        await File.WriteAllBytesAsync(path, ServingTestKit.ModelBytes, ServingTestKit.Token);

        var model = await kit.Loader.LoadAsync(ModelReference.Parse("file:" + path), ServingTestKit.Token);

        model.Identity.ShouldBe(new ModelIdentity("local", 0, path));
    }

    [Fact]
    public async Task Load_ModelTrainedAndRegisteredByRunRecorder_FindsTheFileUnderTheRunsModelFolder()
    {
        using var kit = new ServingTestKit();
        var file = kit.Directory.File("trained.vigil");
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(300, 5));
        var result = new TrainingJob(LearnerCatalog.Default, kit.Time).Run(frame, new TrainingRequest("Machine failure", "tree", seed: 2), ServingTestKit.Token);
        ModelFile.Save(result.Model, file, ModelCodecCatalog.Default);
        var recorder = new RunRecorder(kit.Store.Tracking, kit.Artifacts, kit.Time);
        var run = await recorder.StartAsync(new RunPlan(null, "serving", new Dictionary<string, string>(), new Dictionary<string, string>(), []), ServingTestKit.Token);
        var outcome = new RunOutcome(new Dictionary<string, double>(), new Dictionary<string, IReadOnlyList<double>>(), new Dictionary<string, string>(), new Dictionary<string, string>(), null, new Dictionary<string, double>());
        var completed = await recorder.CompleteAsync(
            run, outcome, file, new ModelRegistrar(kit.Registry), new ModelRegistration("trained", "champion", new ChangeContext("test")), ServingTestKit.Token);

        var model = await kit.Loader.LoadAsync(ModelReference.Parse("trained"), ServingTestKit.Token);

        model.Identity.Version.ShouldBe(completed.Version!.Version);
        model.Identity.RunId.ShouldBe(run.RunId);
        var records = frame.Head(5).Select(model.InputSchema.Columns.Select(c => c.Name));
        model.Score(records, ServingTestKit.Token).Labels!.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Load_MissingModel_NamesTheModel()
    {
        using var kit = new ServingTestKit();

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("ghost@champion"), ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        error.Message.ShouldContain("'ghost' does not exist");
        error.HttpStatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Load_MissingAlias_NamesTheAlias()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("pdm@challenger"), ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        error.Message.ShouldContain("no alias 'challenger'");
    }

    [Fact]
    public async Task Load_MissingVersion_NamesTheVersion()
    {
        using var kit = new ServingTestKit();
        await kit.RegisterAsync("pdm");

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("pdm/7"), ServingTestKit.Token));

        error.Message.ShouldContain("no version 7");
    }

    [Fact]
    public async Task Load_MissingFile_NamesModelVersionAndPath()
    {
        using var kit = new ServingTestKit();
        await kit.Registry.CreateRegisteredModelAsync("pdm", cancellationToken: ServingTestKit.Token);
        var version = await kit.Registry.CreateModelVersionAsync(new NewModelVersion("pdm", "mlflow-artifacts:/0/nothing/artifacts/model"), cancellationToken: ServingTestKit.Token);

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("pdm/1"), ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelNotFound);
        error.Message.ShouldContain("'pdm' version 1");
        error.Message.ShouldContain("0/nothing/artifacts/model");
        version.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Load_DamagedFile_IsUnreadableNamingAliasVersionAndPath()
    {
        using var kit = new ServingTestKit();
        var bytes = ServingTestKit.ModelBytes.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        await kit.RegisterAsync("pdm", bytes: bytes);

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("pdm@champion"), ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.ModelUnreadable);
        error.Message.ShouldContain("'pdm' version 1 (pdm@champion)");
        error.Message.ShouldContain("model/model.vigil");
        error.InnerException.ShouldBeOfType<ModelFileException>();
    }

    [Fact]
    public async Task Load_FolderWithSeveralFilesAndNoHint_PicksTheOnlyModelFile()
    {
        using var kit = new ServingTestKit();
        await kit.PutAsync("0/r/artifacts/model/MLmodel", "flavors: {}"u8.ToArray());
        await kit.PutAsync("0/r/artifacts/model/m.vigil", ServingTestKit.ModelBytes);
        await kit.Registry.CreateRegisteredModelAsync("pdm", cancellationToken: ServingTestKit.Token);
        await kit.Registry.CreateModelVersionAsync(new NewModelVersion("pdm", "mlflow-artifacts:/0/r/artifacts/model"), cancellationToken: ServingTestKit.Token);

        var model = await kit.Loader.LoadAsync(ModelReference.Parse("pdm/1"), ServingTestKit.Token);

        model.Identity.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Load_UnsupportedSourceScheme_IsInvalidConfiguration()
    {
        using var kit = new ServingTestKit();
        await kit.Registry.CreateRegisteredModelAsync("pdm", cancellationToken: ServingTestKit.Token);
        await kit.Registry.CreateModelVersionAsync(new NewModelVersion("pdm", "s3://bucket/model"), cancellationToken: ServingTestKit.Token);

        var error = await Should.ThrowAsync<ServingException>(() => kit.Loader.LoadAsync(ModelReference.Parse("pdm/1"), ServingTestKit.Token));

        error.ErrorCode.ShouldBe(ServingErrorCode.InvalidConfiguration);
        error.Message.ShouldContain("s3://bucket/model");
    }
}
