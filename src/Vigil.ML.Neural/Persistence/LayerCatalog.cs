using System.Collections.Immutable;

namespace Vigil.ML.Neural.Persistence;

/// <summary>An immutable map from a layer <see cref="Layer.Kind"/> to the factory that rebuilds an unbuilt layer from its <see cref="Layer.Settings"/>; <see cref="NetworkCodec"/> uses it to read model files.</summary>
public sealed class LayerCatalog
{
    private readonly ImmutableSortedDictionary<string, Func<IReadOnlyDictionary<string, string>, Layer>> _factories;

    private LayerCatalog(ImmutableSortedDictionary<string, Func<IReadOnlyDictionary<string, string>, Layer>> factories)
    {
        _factories = factories;
    }

    /// <summary>A catalog without any kinds.</summary>
    public static LayerCatalog Empty { get; } = new(ImmutableSortedDictionary.Create<string, Func<IReadOnlyDictionary<string, string>, Layer>>(StringComparer.Ordinal));

    /// <summary>The built-in layers.</summary>
    public static LayerCatalog Default { get; } = Empty
        .With("dense", Layers.DenseLayer.FromSettings)
        .With("activation", Layers.ActivationLayer.FromSettings)
        .With("conv1d", Layers.Conv1DLayer.FromSettings)
        .With("maxpool1d", Layers.MaxPool1DLayer.FromSettings)
        .With("dropout", Layers.DropoutLayer.FromSettings)
        .With("layernorm", Layers.LayerNormLayer.FromSettings)
        .With("flatten", Layers.FlattenLayer.FromSettings)
        .With("laststep", Layers.LastStepLayer.FromSettings)
        .With("lstm", Layers.LstmLayer.FromSettings)
        .With("gru", Layers.GruLayer.FromSettings);

    /// <summary>The known kinds, in ordinal order.</summary>
    public IEnumerable<string> Kinds => _factories.Keys;

    /// <summary>Whether <paramref name="kind"/> is known.</summary>
    public bool Contains(string kind) => _factories.ContainsKey(kind);

    /// <summary>Returns a catalog that also knows <paramref name="kind"/>, rebuilt by <paramref name="factory"/> from a layer's settings; this catalog is unchanged.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is blank or already known.</exception>
    public LayerCatalog With(string kind, Func<IReadOnlyDictionary<string, string>, Layer> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        if (_factories.ContainsKey(kind))
        {
            throw new ArgumentException($"The layer catalog already knows the kind '{kind}'.", nameof(kind));
        }

        return new LayerCatalog(_factories.Add(kind, factory));
    }

    /// <summary>Creates an unbuilt layer of <paramref name="kind"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidDataException">The kind is unknown, or the factory returned a layer of another kind.</exception>
    public Layer Create(string kind, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(settings);
        if (!_factories.TryGetValue(kind, out var factory))
        {
            var known = _factories.IsEmpty ? "none" : string.Join(", ", _factories.Keys);
            throw new InvalidDataException($"Unknown layer kind '{kind}': the layer catalog cannot rebuild it (known kinds: {known}).");
        }

        var layer = factory(settings) ?? throw new InvalidDataException($"The factory of layer kind '{kind}' returned null.");
        if (!string.Equals(layer.Kind, kind, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The factory of layer kind '{kind}' built a layer of kind '{layer.Kind}'.");
        }

        if (layer.IsBuilt)
        {
            throw new InvalidDataException($"The factory of layer kind '{kind}' returned a layer that is already built.");
        }

        return layer;
    }
}
