using System.Globalization;
using Vigil.ML.Persistence;
using Vigil.Pipelines;
using Vigil.Tracking;
using Vigil.Tracking.Artifacts;
using Vigil.Tracking.Registry;

namespace Vigil.Serving.Hosting;

/// <summary>A model reference resolved to one concrete version (or file), not loaded yet.</summary>
/// <param name="Reference">What was asked for (e.g. <c>pdm@champion</c>); error messages name it.</param>
/// <param name="Identity">The version it resolved to, with its source URI (or the full file path).</param>
/// <param name="ModelFileHint">The version's <c>vigil.model_file</c> tag (the file's run-relative path), when set.</param>
public sealed record ResolvedModel(ModelReference Reference, ModelIdentity Identity, string? ModelFileHint = null);

/// <summary>
/// Resolves <see cref="ModelReference"/>s through the registry (alias → version, a fixed version, or a model file on disk) and
/// loads them: finds the model file under the version's source, reads it with <see cref="ModelFile.LoadAny(Stream, ModelCodecs?)"/>
/// and wraps (and warms) it with the served-model factory (<see cref="ServedModels.Create"/> by default). Every failure is a
/// <see cref="ServingException"/> whose message names the model, the alias or version, and the path.
/// </summary>
/// <remarks>
/// Sources: <c>mlflow-artifacts:</c> URIs (what <c>vigil train --register</c> records: the run's <c>model</c> folder) are read
/// from the <see cref="IArtifactStore"/>; <c>runs:/&lt;run id&gt;/&lt;path&gt;</c> URIs need an <see cref="ITrackingStore"/> to find
/// the run's artifact URI; <c>file:</c> URIs and absolute paths are read from the local file system. A source may name the
/// model file itself or a folder holding it: the version's <c>vigil.model_file</c> tag picks the file, else the folder's only
/// file (or its only <c>.vigil</c> file) is used.
/// </remarks>
public sealed class ModelLoader
{
    /// <summary>The model version tag <see cref="Pipelines.Tracking.RunRecorder"/> sets to the model file's run-relative path.</summary>
    public const string ModelFileTag = "vigil.model_file";

    private const string RunsScheme = "runs:/";
    private const string FileScheme = "file:";
    private const string ModelExtension = ".vigil";

    private readonly IModelRegistry _registry;
    private readonly IArtifactStore _artifacts;
    private readonly Func<object, ModelIdentity, IServedModel> _factory;
    private readonly ModelCodecs _codecs;
    private readonly ITrackingStore? _tracking;

    /// <summary>Creates a loader over the registry and artifact store.</summary>
    /// <param name="registry">Where names, aliases and versions are resolved.</param>
    /// <param name="artifacts">Where registered model files are read.</param>
    /// <param name="factory">Wraps and warms a loaded model object; default <see cref="ServedModels.Create"/>.</param>
    /// <param name="codecs">The model codecs; default <see cref="ModelCodecCatalog.Default"/>.</param>
    /// <param name="tracking">Resolves <c>runs:/</c> sources; optional.</param>
    public ModelLoader(
        IModelRegistry registry, IArtifactStore artifacts, Func<object, ModelIdentity, IServedModel>? factory = null,
        ModelCodecs? codecs = null, ITrackingStore? tracking = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(artifacts);
        _registry = registry;
        _artifacts = artifacts;
        _factory = factory ?? ServedModels.Create;
        _codecs = codecs ?? ModelCodecCatalog.Default;
        _tracking = tracking;
    }

    /// <summary>The registry this loader resolves through.</summary>
    public IModelRegistry Registry => _registry;

    /// <summary>Resolves and loads <paramref name="reference"/>.</summary>
    public async Task<IServedModel> LoadAsync(ModelReference reference, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
        return await LoadAsync(resolved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves <paramref name="reference"/> to a concrete version without loading it: an alias to the version it points at, a
    /// version to itself, a file to its full path. A missing model, alias, version or file is <see cref="ServingErrorCode.ModelNotFound"/>.
    /// </summary>
    public async Task<ResolvedModel> ResolveAsync(ModelReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.FilePath is { } file)
        {
            var full = Path.GetFullPath(file);
            return File.Exists(full)
                ? new ResolvedModel(reference, new ModelIdentity(reference.Name, 0, full))
                : throw new ServingException(ServingErrorCode.ModelNotFound, $"Model file '{file}' ({full}) does not exist.");
        }

        ModelVersion version;
        try
        {
            version = reference.Alias is { } alias
                ? await _registry.GetModelVersionByAliasAsync(reference.Name, alias, cancellationToken).ConfigureAwait(false)
                : await _registry.GetModelVersionAsync(reference.Name, reference.Version ?? 0, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw await NotFoundAsync(reference, ex, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex)
        {
            throw new ServingException(ServingErrorCode.InvalidConfiguration, $"Cannot resolve model '{reference}': {ex.Message}", ex);
        }

        version.Tags.TryGetValue(ModelFileTag, out var hint);
        return new ResolvedModel(reference, new ModelIdentity(version.Name, version.Version, version.Source, version.RunId), hint);
    }

    /// <summary>
    /// Loads a resolved version: finds its model file, reads it, wraps and warms it. The file is read and decoded on the thread
    /// pool. A missing file is <see cref="ServingErrorCode.ModelNotFound"/>; a damaged file, an unknown model kind or a failed
    /// warm-up is <see cref="ServingErrorCode.ModelUnreadable"/>; an unusable source URI is <see cref="ServingErrorCode.InvalidConfiguration"/>.
    /// </summary>
    public async Task<IServedModel> LoadAsync(ResolvedModel resolved, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var location = await LocateAsync(resolved, cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => Read(resolved, location), cancellationToken).ConfigureAwait(false);
    }

    private IServedModel Read(ResolvedModel resolved, ModelLocation location)
    {
        object model;
        try
        {
            using var stream = location.OpenRead();
            model = ModelFile.LoadAny(stream, _codecs);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ServingException(ServingErrorCode.ModelNotFound, $"{Describe(resolved)}: model file '{location.Display}' does not exist.", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new ServingException(ServingErrorCode.ModelNotFound, $"{Describe(resolved)}: model file '{location.Display}' does not exist.", ex);
        }
        catch (Exception ex) when (ex is ModelFileException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ServingException(ServingErrorCode.ModelUnreadable, $"{Describe(resolved)}: model file '{location.Display}' cannot be read: {ex.Message}", ex);
        }

        try
        {
            var served = _factory(model, resolved.Identity);
            return served ?? throw new InvalidOperationException("The served-model factory returned null.");
        }
        catch (NotSupportedException ex)
        {
            throw new ServingException(ServingErrorCode.ModelUnreadable, $"{Describe(resolved)}: model file '{location.Display}' holds a model serving does not support: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ServingException)
        {
            throw new ServingException(ServingErrorCode.ModelUnreadable, $"{Describe(resolved)}: model file '{location.Display}' failed to warm up: {ex.Message}", ex);
        }
    }

    private async Task<ModelLocation> LocateAsync(ResolvedModel resolved, CancellationToken cancellationToken)
    {
        var source = resolved.Identity.Source;
        if (resolved.Reference.FilePath is not null)
        {
            return LocalLocation(resolved, source);
        }

        try
        {
            if (ArtifactUri.IsProxied(source))
            {
                return await StoreLocationAsync(resolved, ArtifactUri.ToStorePath(source), cancellationToken).ConfigureAwait(false);
            }

            if (source.StartsWith(RunsScheme, StringComparison.Ordinal))
            {
                return await RunLocationAsync(resolved, source, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ServingException(ServingErrorCode.ModelNotFound, $"{Describe(resolved)}: source '{source}' cannot be found: {ex.Message}", ex);
        }
        catch (TrackingException ex)
        {
            throw new ServingException(ServingErrorCode.InvalidConfiguration, $"{Describe(resolved)}: source '{source}' is not usable: {ex.Message}", ex);
        }

        if (source.StartsWith(FileScheme, StringComparison.Ordinal) || Path.IsPathRooted(source))
        {
            var path = source.StartsWith(FileScheme, StringComparison.Ordinal) ? LocalPathOf(source) : source;
            return LocalLocation(resolved, path);
        }

        throw new ServingException(
            ServingErrorCode.InvalidConfiguration,
            $"{Describe(resolved)}: source '{source}' uses a scheme serving cannot read (use {ArtifactUri.ProxyScheme}, {RunsScheme}, {FileScheme} or an absolute path).");
    }

    private async Task<ModelLocation> RunLocationAsync(ResolvedModel resolved, string source, CancellationToken cancellationToken)
    {
        if (_tracking is null)
        {
            throw new ServingException(
                ServingErrorCode.InvalidConfiguration, $"{Describe(resolved)}: source '{source}' names a run, but this loader has no tracking store to look the run up.");
        }

        var rest = source[RunsScheme.Length..].TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var runId = slash < 0 ? rest : rest[..slash];
        var relative = slash < 0 ? null : rest[(slash + 1)..].Trim('/');
        var run = await _tracking.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var root = ArtifactUri.ToStorePath(run.Info.ArtifactUri);
        return await StoreLocationAsync(resolved, string.IsNullOrEmpty(relative) ? root : root + "/" + ArtifactPath.Normalize(relative), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<ModelLocation> StoreLocationAsync(ResolvedModel resolved, string path, CancellationToken cancellationToken)
    {
        if (_artifacts.Exists(path))
        {
            return new ModelLocation(path, () => _artifacts.OpenRead(path));
        }

        if (resolved.ModelFileHint is { Length: > 0 } hint)
        {
            var candidate = path + "/" + Path.GetFileName(hint);
            if (_artifacts.Exists(candidate))
            {
                return new ModelLocation(candidate, () => _artifacts.OpenRead(candidate));
            }
        }

        var entries = await _artifacts.ListAsync(path, cancellationToken).ConfigureAwait(false);
        var chosen = Choose(resolved, path, [.. entries.Where(e => !e.IsDirectory).Select(e => e.Path)]);
        return new ModelLocation(chosen, () => _artifacts.OpenRead(chosen));
    }

    private static ModelLocation LocalLocation(ResolvedModel resolved, string path)
    {
        if (File.Exists(path))
        {
            return new ModelLocation(path, () => File.OpenRead(path));
        }

        if (!Directory.Exists(path))
        {
            throw new ServingException(ServingErrorCode.ModelNotFound, $"{Describe(resolved)}: model file '{path}' does not exist.");
        }

        var chosen = Choose(resolved, path, [.. Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)]);
        return new ModelLocation(chosen, () => File.OpenRead(chosen));
    }

    private static string Choose(ResolvedModel resolved, string folder, IReadOnlyList<string> files)
    {
        if (files.Count == 1)
        {
            return files[0];
        }

        var models = files.Where(f => f.EndsWith(ModelExtension, StringComparison.OrdinalIgnoreCase)).ToList();
        if (models.Count == 1)
        {
            return models[0];
        }

        return files.Count == 0
            ? throw new ServingException(ServingErrorCode.ModelNotFound, $"{Describe(resolved)}: no model file under '{folder}'.")
            : throw new ServingException(
                ServingErrorCode.InvalidConfiguration,
                $"{Describe(resolved)}: '{folder}' holds {files.Count} files ({string.Join(", ", files.Select(Path.GetFileName))}) and no single {ModelExtension} file; " +
                $"set the version's '{ModelFileTag}' tag to the one to serve.");
    }

    private static string LocalPathOf(string uri)
    {
        try
        {
            return new Uri(uri).LocalPath;
        }
        catch (UriFormatException)
        {
            return uri[FileScheme.Length..];
        }
    }

    private async Task<ServingException> NotFoundAsync(ModelReference reference, TrackingException cause, CancellationToken cancellationToken)
    {
        // Say which part is missing: the model itself, or its alias or version.
        try
        {
            await _registry.GetRegisteredModelAsync(reference.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            return new ServingException(ServingErrorCode.ModelNotFound, $"Registered model '{reference.Name}' does not exist (asked for '{reference}').", cause);
        }

        var what = reference.Alias is { } alias
            ? $"alias '{alias}'"
            : $"version {reference.Version?.ToString(CultureInfo.InvariantCulture)}";
        return new ServingException(ServingErrorCode.ModelNotFound, $"Registered model '{reference.Name}' has no {what} (asked for '{reference}').", cause);
    }

    /// <summary>"Model 'pdm' version 3 (pdm@champion)", or the file for a file reference.</summary>
    internal static string Describe(ResolvedModel resolved) =>
        resolved.Reference.FilePath is not null
            ? $"Model file '{resolved.Reference.FilePath}'"
            : $"Model '{resolved.Identity.Name}' version {resolved.Identity.Version.ToString(CultureInfo.InvariantCulture)} ({resolved.Reference})";

    private sealed record ModelLocation(string Display, Func<Stream> OpenRead);
}
