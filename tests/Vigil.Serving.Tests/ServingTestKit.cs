using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.ML;
using Vigil.ML.Persistence;
using Vigil.Pipelines;
using Vigil.Pipelines.Tracking;
using Vigil.ML.Encoding;
using Vigil.ML.Trees;
using Vigil.Serving.Hosting;
using Vigil.Serving.Routing;
using Vigil.Testing;
using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Registry;
using Vigil.Tracking.Sql;
using Xunit;

namespace Vigil.Serving.Tests;

/// <summary>A real SQLite store in a temp directory, a fake clock, and helpers to register tiny real models.</summary>
internal sealed class ServingTestKit : IDisposable
{
    private static readonly Lazy<(byte[] Bytes, DataFrame Records)> Trained = new(Train);
    private int _runs;

    public ServingTestKit()
    {
        Store = VigilStore.Open(Directory.Path, null, Time);
        Factory = new CountingFactory();
        Loader = new ModelLoader(Store.Registry, Store.Artifacts, Factory.Create, tracking: Store.Tracking);
    }

    public TempDirectory Directory { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public VigilStore Store { get; }

    public CountingFactory Factory { get; }

    public ModelLoader Loader { get; }

    public IModelRegistry Registry => Store.Registry;

    public IArtifactStore Artifacts => Store.Artifacts;

    /// <summary>A valid model file's bytes (a small decision tree on generated AI4I data).</summary>
    public static byte[] ModelBytes => Trained.Value.Bytes;

    /// <summary>Five raw records the model scores.</summary>
    public static DataFrame Records => Trained.Value.Records;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (byte[], DataFrame) Train()
    {
        var frame = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(200, 3)).Select("Type", "Air temperature [K]", "Torque [Nm]", "Tool wear [min]", "Machine failure");
        var model = TabularClassifier.Fit(new DecisionTreeLearner(new DecisionTreeOptions { MaxDepth = 4 }), frame, new TabularEncoderOptions { Target = "Machine failure" });
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream, ModelCodecCatalog.Default);
        var records = frame.Head(5).Drop("Machine failure");
        return (stream.ToArray(), records);
    }

    /// <summary>Uploads <paramref name="bytes"/> (default a valid model) as a run's <c>model/model.vigil</c> and registers a new version, as <c>vigil train --register</c> does.</summary>
    public async Task<ModelVersion> RegisterAsync(string name, string? alias = "champion", byte[]? bytes = null)
    {
        var run = $"run{Interlocked.Increment(ref _runs)}";
        var path = ArtifactPath.ForRun("0", run, "model/model.vigil");
        await PutAsync(path, bytes ?? ModelBytes);
        return await new ModelRegistrar(Registry).RegisterAsync(
            new NewModelVersion(
                name,
                $"mlflow-artifacts:/0/{run}/artifacts/model",
                Tags: new Dictionary<string, string> { [ModelLoader.ModelFileTag] = "model/model.vigil" }),
            alias,
            new ChangeContext("test"),
            Token);
    }

    public async Task PutAsync(string path, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        await Artifacts.PutAsync(path, content, Token);
    }

    /// <summary>The artifact path of a registered version's model file.</summary>
    public static string ModelPathOf(ModelVersion version) => ArtifactUri.ToStorePath(version.Source) + "/model.vigil";

    public Task SetAliasAsync(string name, string alias, int version) => Registry.SetAliasAsync(name, alias, version, new ChangeContext("test"), Token);

    public ModelHost Host(IEnumerable<string> models, IModelHostObserver? observer = null, Func<ModelHostOptions, ModelHostOptions>? configure = null)
    {
        var options = new ModelHostOptions(models.Select(ModelReference.Parse));
        options = configure?.Invoke(options) ?? options;
        return new ModelHost(options, Loader, Time, observer is null ? null : [observer]);
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Dispose();
    }
}

/// <summary>Wraps loaded models as <see cref="TestServedModel"/>s, counting calls; can block or fail on demand.</summary>
internal sealed class CountingFactory
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, every call waits for it (to hold loads in flight).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public IServedModel Create(object model, ModelIdentity identity)
    {
        Interlocked.Increment(ref _calls);
        Gate?.Wait(TimeSpan.FromSeconds(10));
        return new TestServedModel((ITabularModel)model, identity);
    }
}

/// <summary>A minimal served model over a loaded classifier.</summary>
internal sealed class TestServedModel(ITabularModel model, ModelIdentity identity) : IServedModel
{
    public ModelIdentity Identity { get; } = identity;

    public ModelTask Task => model.Task;

    public string Kind => "classifier";

    public FrameSchema InputSchema => model.Encoding.InputSchema;

    public ScoreResult Score(DataFrame records, CancellationToken cancellationToken = default)
    {
        var classifier = (TabularClassifier)model;
        var probabilities = classifier.PredictProba(records);
        return new ScoreResult(records.RowCount, classifier.PredictLabels(records), null, probabilities, classifier.Labels.Labels);
    }
}

/// <summary>Records host events.</summary>
internal sealed class RecordingObserver : IModelHostObserver
{
    private readonly Lock _gate = new();

    public List<ModelIdentity> Loaded { get; } = [];

    public List<(string Name, ModelIdentity From, ModelIdentity To)> Swapped { get; } = [];

    public List<(ModelReference Reference, Exception Error)> Failed { get; } = [];

    public List<(string Name, RoutingSpec From, RoutingSpec To)> RoutingChanges { get; } = [];

    public TaskCompletionSource FirstSwap { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnLoaded(ModelIdentity identity, TimeSpan duration)
    {
        lock (_gate)
        {
            Loaded.Add(identity);
        }
    }

    public void OnSwapped(string name, ModelIdentity from, ModelIdentity to)
    {
        lock (_gate)
        {
            Swapped.Add((name, from, to));
        }

        FirstSwap.TrySetResult();
    }

    public void OnLoadFailed(ModelReference reference, Exception error)
    {
        lock (_gate)
        {
            Failed.Add((reference, error));
        }
    }

    public void OnRoutingChanged(string name, RoutingSpec from, RoutingSpec to, ModelEndpoint endpoint)
    {
        lock (_gate)
        {
            RoutingChanges.Add((name, from, to));
        }
    }
}
