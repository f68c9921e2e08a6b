using System.Globalization;
using Vigil.Data.Frames;
using Vigil.ML.Clustering;

namespace Vigil.Features.Transforms;

/// <summary>Adds the nearest k-means cluster id and the Euclidean distance to its centroid in standardized units; incomplete rows get NaN.</summary>
internal sealed class FittedKMeansFeature : IFittedFeatureTransform
{
    public const string KindName = "vigil.features.kmeans";
    public const string StepName = "kmeans";
    private const int PayloadVersion = 1;
    private readonly string[] _columns;
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly KMeansModel _model;

    public FittedKMeansFeature(string[] columns, double[] means, double[] scales, string clusterColumn, string distanceColumn, KMeansModel model)
    {
        if (model.FeatureCount != columns.Length || means.Length != columns.Length || scales.Length != columns.Length || scales.Any(s => !(s > 0)))
        {
            throw new ArgumentException($"Inconsistent k-means step: {columns.Length} columns, {means.Length} means, {scales.Length} scales, {model.FeatureCount} centroid features.", nameof(model));
        }

        (_columns, _means, _scales, _model) = (columns, means, scales, model);
        InputSchema = new FrameSchema([.. columns.Select(c => new ColumnSchema(c, ColumnKind.Float64))]);
        OutputColumns = [clusterColumn, distanceColumn];
    }

    public string Kind => KindName;

    public FrameSchema InputSchema { get; }

    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>The fitted centroids in standardized units.</summary>
    public KMeansModel Model => _model;

    public DataFrame Transform(DataFrame frame)
    {
        var rows = NumericRows.Read(frame, _columns, StepName);
        ColumnSelection.RequireFree(frame, OutputColumns, [], StepName);
        var (cluster, distance) = (new double[frame.RowCount], new double[frame.RowCount]);
        var row = new double[_columns.Length];
        var distances = new double[_model.ClusterCount];
        for (var i = 0; i < cluster.Length; i++)
        {
            if (!rows.Complete[i])
            {
                (cluster[i], distance[i]) = (double.NaN, double.NaN);
                continue;
            }

            rows.CopyRow(i, row, _means, _scales);
            var nearest = _model.Predict(row);
            _model.Distances(row, distances);
            (cluster[i], distance[i]) = (nearest, distances[nearest]);
        }

        return frame.WithColumn(new Float64Column(OutputColumns[0], cluster)).WithColumn(new Float64Column(OutputColumns[1], distance));
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(PayloadVersion);
        StepBinary.WriteStrings(writer, _columns);
        StepBinary.WriteDoubles(writer, _means);
        StepBinary.WriteDoubles(writer, _scales);
        writer.Write(OutputColumns[0]);
        writer.Write(OutputColumns[1]);
        _model.Write(writer);
    }

    public static FittedKMeansFeature Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StepBinary.ReadVersion(reader, PayloadVersion, KindName);
        var (columns, means, scales) = (StepBinary.ReadStrings(reader), StepBinary.ReadDoubles(reader), StepBinary.ReadDoubles(reader));
        var (clusterColumn, distanceColumn) = (reader.ReadString(), reader.ReadString());
        try
        {
            return new FittedKMeansFeature(columns, means, scales, clusterColumn, distanceColumn, KMeansModel.Read(reader));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{StepName}: {OutputColumns[0]}, {OutputColumns[1]} from {_model.ClusterCount} centroids over standardized {string.Join(", ", _columns)} (inertia {_model.Inertia:G6})");
}
