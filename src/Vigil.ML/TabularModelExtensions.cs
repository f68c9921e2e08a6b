using Vigil.Data.Frames;

namespace Vigil.ML;

/// <summary>Operations every <see cref="ITabularModel"/> shares.</summary>
public static class TabularModelExtensions
{
    /// <summary>Runs the model's feature pipeline (if any) and its encoding on a raw frame.</summary>
    public static FeatureMatrix Encode(this ITabularModel model, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        return model.Encoding.Transform(model.Preprocessor?.Transform(frame) ?? frame);
    }

    /// <summary>The raw columns a caller must supply: the feature pipeline's inputs, then encoded columns the pipeline does not produce.</summary>
    public static FrameSchema RawInputSchema(this ITabularModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Preprocessor is null)
        {
            return model.Encoding.InputSchema;
        }

        var columns = model.Preprocessor.InputSchema.Columns.Where(c => c.Name != model.TargetName).ToList();
        var known = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var produced = model.Preprocessor.Transform(EmptyFrame(model.Preprocessor.InputSchema)).ColumnNames.ToHashSet(StringComparer.Ordinal);
        columns.AddRange(model.Encoding.InputSchema.Columns.Where(c => !known.Contains(c.Name) && !produced.Contains(c.Name)));
        return new FrameSchema(columns);
    }

    private static DataFrame EmptyFrame(FrameSchema schema) => new(schema.Columns.Select(c => (Column)(c.Kind switch
    {
        ColumnKind.Float64 => new Float64Column(c.Name, []),
        ColumnKind.Categorical => new CategoricalColumn(c.Name, [], [.. c.AllowedValues ?? []]),
        ColumnKind.Boolean => new BooleanColumn(c.Name, []),
        ColumnKind.Timestamp => new TimestampColumn(c.Name, []),
        _ => new StringColumn(c.Name, []),
    })));
}
