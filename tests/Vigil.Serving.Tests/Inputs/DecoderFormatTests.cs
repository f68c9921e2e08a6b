using Shouldly;
using Vigil.Data.Frames;
using Vigil.Serving.Inputs;
using Vigil.Serving.Scoring;
using Xunit;

namespace Vigil.Serving.Tests.Inputs;

/// <summary>Every body format decodes to the same frame and so to the same predictions as scoring the frame directly.</summary>
public sealed class DecoderFormatTests(TestModels models)
{
    private InputDecoder Decoder => InputDecoder.For(models.ServedClassifier);

    public static TheoryData<string> Formats() =>
    [
        "records", "records-single", "dataframe_split", "dataframe_split-data-first", "dataframe_records", "instances-objects", "instances-lists",
        "inputs-objects", "inputs-lists", "v2-columns", "v2-columns-n1", "v2-columns-nested",
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_EveryFormat_GivesTheSamePredictionsAsTabularScoring(string format)
    {
        var rows = format == "records-single" ? 1 : 7;
        var frame = models.Records(rows);
        var request = Decode(format, frame);

        request.Frame.ColumnNames.ShouldBe(models.ServedClassifier.InputSchema.Columns.Select(c => c.Name));
        request.Frame.Schema.Columns.Select(c => c.Kind).ShouldBe(models.ServedClassifier.InputSchema.Columns.Select(c => c.Kind));
        request.Frame.RowCount.ShouldBe(rows);
        var expected = TabularScoring.Predict(models.Classifier, frame);
        var actual = models.ServedClassifier.Score(request.Frame);
        actual.Labels.ShouldBe(expected.Labels);
        actual.Probabilities.ShouldBe(expected.Probabilities);
        actual.ClassNames.ShouldBe(["0", "1"]);
    }

    [Fact]
    public void Decode_Categorical_UsesTheModelsDictionary()
    {
        var request = Decoder.DecodeRecords(Bodies.Records(models.Records(5)));

        var type = request.Frame.Get<CategoricalColumn>("Type");
        type.Categories.ShouldBe(models.ServedClassifier.InputSchema.Find("Type")!.AllowedValues!);
        Enumerable.Range(0, 5).Select(i => type[i]).ShouldBe(Enumerable.Range(0, 5).Select(i => models.Ai4i["Type"].Format(i)));
    }

    [Fact]
    public void DecodeKServeV2_Matrix_GivesTheRegressorsPredictions()
    {
        // The regressor's inputs include the categorical Type, so use an all-numeric schema of the same frame for the 2-D path.
        var frame = models.Ai4i.Head(6).Select("Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]", "Tool wear [min]");
        var decoder = new InputDecoder(new RecordSchema(frame.Schema));

        foreach (var nested in new[] { false, true })
        {
            var request = decoder.DecodeKServeV2(Bodies.V2Matrix(frame, nested));
            for (var c = 0; c < frame.ColumnCount; c++)
            {
                request.Frame.Get<Float64Column>(frame[c].Name).ToArray().ShouldBe(((Float64Column)frame[c]).ToArray());
            }
        }
    }

    [Fact]
    public void DecodeKServeV2_IntegerAndBoolTensors_FitNumericAndBooleanFields()
    {
        var schema = new RecordSchema(new FrameSchema([new ColumnSchema("count", ColumnKind.Float64), new ColumnSchema("on", ColumnKind.Boolean)]));
        var body = Bodies.Utf8("""
            {"inputs": [{"name": "count", "shape": [2, 1], "datatype": "INT32", "data": [[3], [-4]]},
                        {"name": "on", "shape": [2], "datatype": "BOOL", "data": [true, false], "parameters": {"content_type": "np"}}],
             "outputs": [{"name": "predict"}], "parameters": {"x": 1}}
            """);

        var request = new InputDecoder(schema).DecodeKServeV2(body);

        request.Frame.Get<Float64Column>("count").ToArray().ShouldBe([3.0, -4.0]);
        request.Frame.Get<BooleanColumn>("on")[0].ShouldBe(true);
        request.Frame.Get<BooleanColumn>("on")[1].ShouldBe(false);
        request.RequestedOutputs.ShouldBe(["predict"]);
    }

    [Fact]
    public void DecodeRecords_IdAndKey_AreReturned()
    {
        var body = Bodies.Utf8("""{"id": "abc", "key": 42, "records": {"a": 1}}""");
        var request = new InputDecoder(new RecordSchema(new FrameSchema([new ColumnSchema("a", ColumnKind.Float64)]))).DecodeRecords(body);

        request.Id.ShouldBe("abc");
        request.Key.ShouldBe("42");
    }

    [Fact]
    public void Decode_AllKinds_Parsed()
    {
        var schema = new RecordSchema(new FrameSchema([
            new ColumnSchema("x", ColumnKind.Float64),
            new ColumnSchema("flag", ColumnKind.Boolean),
            new ColumnSchema("at", ColumnKind.Timestamp),
            new ColumnSchema("note", ColumnKind.String),
            new ColumnSchema("kind", ColumnKind.Categorical, AllowedValues: ["a", "1"]),
        ]));
        var body = Bodies.Utf8("""
            {"records": [
              {"x": -1.5e2, "flag": 1, "at": "2024-05-01T12:00:00+02:00", "note": "h\u00e9", "kind": 1},
              {"x": 0, "flag": false, "at": "2024-05-01T10:00:00", "note": "", "kind": "zzz"}]}
            """);

        var frame = new InputDecoder(schema).DecodeRecords(body).Frame;

        frame.Get<Float64Column>("x").ToArray().ShouldBe([-150.0, 0.0]);
        frame.Get<BooleanColumn>("flag")[0].ShouldBe(true);
        frame.Get<TimestampColumn>("at")[0].ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        frame.Get<TimestampColumn>("at")[1].ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        frame.Get<StringColumn>("note")[0].ShouldBe("hé");
        var kind = frame.Get<CategoricalColumn>("kind");
        kind[0].ShouldBe("1");
        kind[1].ShouldBe("zzz");
        kind.Categories.ShouldBe(["a", "1", "zzz"]);
    }

    private DecodedRequest Decode(string format, DataFrame frame) => format switch
    {
        "records" => Decoder.DecodeRecords(Bodies.Records(frame)),
        "records-single" => Decoder.DecodeRecords(Bodies.Records(frame, single: true)),
        "dataframe_split" => Decoder.DecodeMlflow(Bodies.Split(frame)),
        "dataframe_split-data-first" => Decoder.DecodeMlflow(Bodies.Split(frame, reversed: true)),
        "dataframe_records" => Decoder.DecodeMlflow(Bodies.MlflowRecords(frame)),
        "instances-objects" => Decoder.DecodeMlflow(Bodies.MlflowRecords(frame, "instances")),
        "instances-lists" => Decoder.DecodeMlflow(Bodies.InstancesLists(frame)),
        "inputs-objects" => Decoder.DecodeMlflow(Bodies.MlflowRecords(frame, "inputs")),
        "inputs-lists" => Decoder.DecodeMlflow(Bodies.InstancesLists(frame, "inputs")),
        "v2-columns" => Decoder.DecodeKServeV2(Bodies.V2Columns(frame)),
        "v2-columns-n1" => Decoder.DecodeKServeV2(Bodies.V2Columns(frame, column2D: true)),
        "v2-columns-nested" => Decoder.DecodeKServeV2(Bodies.V2Columns(frame, column2D: true, nested: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
