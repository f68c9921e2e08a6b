using Shouldly;
using Vigil.Data.Frames;
using Vigil.Serving.Inputs;
using Xunit;

namespace Vigil.Serving.Tests.Inputs;

public sealed class ValidationTests
{
    private static readonly RecordSchema Schema = new(new FrameSchema([
        new ColumnSchema("Torque [Nm]", ColumnKind.Float64),
        new ColumnSchema("Type", ColumnKind.Categorical, AllowedValues: ["L", "M", "H"]),
        new ColumnSchema("on", ColumnKind.Boolean),
    ]));

    private static readonly RecordSchema Strict = new(Schema.Schema, rejectUnknownCategories: ["Type"]);

    private static InputValidationException Fails(string json, RecordSchema? schema = null, ServingLimits? limits = null, InputFormat format = InputFormat.Records) =>
        Should.Throw<InputValidationException>(() => new InputDecoder(schema ?? Schema, limits).Decode(format, Bodies.Utf8(json)));

    private static string Record(string torque = "40", string type = "\"L\"", string on = "true") => $$"""{"Torque [Nm]": {{torque}}, "Type": {{type}}, "on": {{on}}}""";

    [Fact]
    public void WrongType_NamesRecordAndField()
    {
        var ex = Fails($$"""{"records": [{{Record()}}, {{Record()}}, {{Record()}}, {{Record(torque: "\"40\"")}}]}""");

        ex.StatusCode.ShouldBe(400);
        ex.Errors.ShouldHaveSingleItem().Message.ShouldBe("records[3].\"Torque [Nm]\": expected a number, got a string");
        ex.Errors[0].Row.ShouldBe(3);
        ex.Errors[0].Field.ShouldBe("Torque [Nm]");
    }

    [Theory]
    [InlineData("null", "expected a number, got null")]
    [InlineData("\"NaN\"", "NaN or Infinity")]
    [InlineData("\"-Infinity\"", "NaN or Infinity")]
    [InlineData("true", "expected a number, got a boolean")]
    [InlineData("[1]", "expected a number, got an array")]
    [InlineData("{\"a\": 1}", "expected a number, got an object")]
    [InlineData("1e999", "out of range")]
    public void NumericField_RejectsNonNumbers(string value, string message) =>
        Fails($$"""{"records": [{{Record(torque: value)}}]}""").Errors.ShouldHaveSingleItem().Message.ShouldContain(message);

    [Fact]
    public void NaNLiteral_IsMalformedJsonWithBytePosition()
    {
        var ex = Fails("""{"records": [{"Torque [Nm]": NaN}]}""");

        ex.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Malformed JSON at byte 29 (line 1");
    }

    [Fact]
    public void Truncated_IsMalformedJson() =>
        Fails("""{"records": [{"Torque [Nm]": 4""").Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Malformed JSON at byte");

    [Fact]
    public void MissingField_IsNamed() =>
        Fails("""{"records": [{"Torque [Nm]": 1, "on": true}]}""").Errors.ShouldHaveSingleItem().Message.ShouldBe("records[0].\"Type\": missing field");

    [Fact]
    public void UnknownFields_AreNamed_ExpectedListedOnce()
    {
        var ex = Fails($$"""{"records": [{"Torque [Nm]": 1, "Type": "L", "on": true, "Speed": 3, "Other": 4}]}""");

        ex.Errors.Count.ShouldBe(2);
        ex.Errors[0].Message.ShouldBe("records[0].\"Speed\": unknown field; expected fields: \"Torque [Nm]\", \"Type\", \"on\"");
        ex.Errors[1].Message.ShouldBe("records[0].\"Other\": unknown field");
    }

    [Fact]
    public void DuplicateField_IsRejected() =>
        Fails("""{"records": {"Torque [Nm]": 1, "Torque [Nm]": 2, "Type": "L", "on": true}}""").Errors.ShouldHaveSingleItem().Message.ShouldContain("more than once");

    [Theory]
    [InlineData("2", "expected true or false (or 0 or 1)")]
    [InlineData("\"true\"", "expected a boolean (true or false), got a string")]
    public void BooleanField_RejectsOtherValues(string value, string message) =>
        Fails($$"""{"records": [{{Record(on: value)}}]}""").Errors.ShouldHaveSingleItem().Message.ShouldContain(message);

    [Fact]
    public void Categorical_NumberNotACategory_IsRejected() =>
        Fails($$"""{"records": [{{Record(type: "3")}}]}""").Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "records[0].\"Type\": expected a string, got a number that is not one of the categories (\"L\", \"M\", \"H\")");

    [Fact]
    public void Categorical_Unseen_StrictField_NamesAllowedValues() =>
        Fails($$"""{"records": [{{Record(type: "\"X\"")}}]}""", Strict).Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "records[0].\"Type\": 'X' is not an allowed value; allowed: \"L\", \"M\", \"H\"");

    [Fact]
    public void Categorical_Unseen_LenientField_IsAppendedToTheDictionary()
    {
        var frame = new InputDecoder(Schema).DecodeRecords(Bodies.Utf8($$"""{"records": [{{Record(type: "\"X\"")}}]}""")).Frame;

        frame.Get<CategoricalColumn>("Type").Categories.ShouldBe(["L", "M", "H", "X"]);
    }

    [Fact]
    public void Timestamp_NotIso_IsRejected()
    {
        var schema = new RecordSchema(new FrameSchema([new ColumnSchema("at", ColumnKind.Timestamp)]));

        Fails("""{"records": {"at": "yesterday"}}""", schema).Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "records.\"at\": expected an ISO-8601 timestamp (e.g. 2024-05-01T12:00:00Z), got 'yesterday'");
    }

    [Fact]
    public void LongString_IsRejected()
    {
        var schema = new RecordSchema(new FrameSchema([new ColumnSchema("note", ColumnKind.String)]));

        Fails("{\"records\": {\"note\": \"" + new string('x', 11) + "\"}}", schema, new ServingLimits(maxStringLength: 10)).Errors.ShouldHaveSingleItem()
            .Message.ShouldContain("11 characters; at most 10");
    }

    [Fact]
    public void EmptyBatch_Is400() =>
        Fails("""{"records": []}""").Errors.ShouldHaveSingleItem().Message.ShouldContain("holds no records");

    [Fact]
    public void OversizeBatch_Is413()
    {
        var ex = Fails($$"""{"records": [{{Record()}}, {{Record()}}, {{Record()}}]}""", limits: new ServingLimits(maxBatchRows: 2));

        ex.StatusCode.ShouldBe(413);
        ex.Message.ShouldContain("more than 2 records");
    }

    [Fact]
    public void OversizeBody_Is413() =>
        Fails($$"""{"records": [{{Record()}}]}""", limits: new ServingLimits(maxBodyBytes: 20)).StatusCode.ShouldBe(413);

    [Fact]
    public void UnknownTopLevelField_Is400() =>
        Fails($$"""{"records": [{{Record()}}], "extra": 1}""").Errors.ShouldHaveSingleItem().Message.ShouldBe(
            "unknown top-level field \"extra\"; allowed: \"records\", \"id\", \"key\"");

    [Fact]
    public void NotAnObject_Is400() =>
        Fails("[1, 2]").Message.ShouldContain("must be a JSON object");

    [Fact]
    public void ManyErrors_StopAtTheLimit()
    {
        var records = string.Join(", ", Enumerable.Repeat(Record(torque: "null"), 50));

        Fails($$"""{"records": [{{records}}]}""").Errors.Count.ShouldBe(20);
    }

    [Fact]
    public void Mlflow_SplitUnknownAndMissingColumns_AreNamed()
    {
        var ex = Fails("""{"dataframe_split": {"columns": ["Torque [Nm]", "Speed"], "data": [[1, 2]]}}""", format: InputFormat.Mlflow);

        ex.Errors.Select(e => e.Message).ShouldBe([
            "dataframe_split.columns[1] \"Speed\": unknown field; expected fields: \"Torque [Nm]\", \"Type\", \"on\"",
            "dataframe_split.columns: missing field \"Type\"",
            "dataframe_split.columns: missing field \"on\"",
        ]);
    }

    [Fact]
    public void Mlflow_SplitMoreColumnsThanFields_NamesTheExtraOnes()
    {
        var ex = Fails("""{"dataframe_split": {"columns": ["Torque [Nm]", "Type", "on", "x", "y", "Type"], "data": []}}""", format: InputFormat.Mlflow);

        ex.Errors.Select(e => e.Message).ShouldBe([
            "dataframe_split.columns[3] \"x\": unknown field; expected fields: \"Torque [Nm]\", \"Type\", \"on\"",
            "dataframe_split.columns[4] \"y\": unknown field",
            "dataframe_split.columns[5] \"Type\": the column is given more than once",
        ]);
    }

    [Fact]
    public void Mlflow_SplitRowOfWrongLength_IsNamed() =>
        Fails("""{"dataframe_split": {"columns": ["Torque [Nm]", "Type", "on"], "data": [[1, "L", true], [1, "L"]]}}""", format: InputFormat.Mlflow)
            .Errors.ShouldHaveSingleItem().Message.ShouldBe("dataframe_split.data[1]: has 2 values; expected 3 (one per column)");

    [Fact]
    public void Mlflow_SplitValue_NamesRowColumnAndField() =>
        Fails("""{"dataframe_split": {"columns": ["on", "Type", "Torque [Nm]"], "data": [[true, "L", "x"]]}}""", format: InputFormat.Mlflow)
            .Errors.ShouldHaveSingleItem().Message.ShouldBe("dataframe_split.data[0][2] (\"Torque [Nm]\"): expected a number, got a string");

    [Fact]
    public void Mlflow_InstancesListInSchemaOrder_WrongLength_ListsFields() =>
        Fails("""{"instances": [[1, "L"]]}""", format: InputFormat.Mlflow).Errors.ShouldHaveSingleItem().Message
            .ShouldBe("instances[0]: has 2 values; expected 3 (one per field in schema order: \"Torque [Nm]\", \"Type\", \"on\")");

    [Fact]
    public void Mlflow_TwoFormats_Is400() =>
        Fails($$"""{"instances": [{{Record()}}], "inputs": [{{Record()}}]}""", format: InputFormat.Mlflow).Message.ShouldContain("send exactly one");

    [Fact]
    public void Mlflow_NoFormat_Is400() =>
        Fails("""{"params": {}}""", format: InputFormat.Mlflow).Message.ShouldContain("none of");

    [Fact]
    public void Mlflow_UnknownTopLevelField_Is400() =>
        Fails($$"""{"instances": [{{Record()}}], "records": []}""", format: InputFormat.Mlflow).Message.ShouldContain("unknown top-level field \"records\"");

    [Fact]
    public void V2_DatatypeDoesNotFitField_IsNamed()
    {
        var ex = Fails("""
            {"inputs": [{"name": "Torque [Nm]", "shape": [1], "datatype": "BYTES", "data": ["1"]},
                        {"name": "Type", "shape": [1], "datatype": "BYTES", "data": ["L"]},
                        {"name": "on", "shape": [1], "datatype": "BOOL", "data": [true]}]}
            """, format: InputFormat.KServeV2);

        ex.Errors.ShouldHaveSingleItem().Message.ShouldBe("inputs[0] (\"Torque [Nm]\"): datatype BYTES does not fit field \"Torque [Nm]\" (numeric); use FP64, FP32 or an integer type");
    }

    [Fact]
    public void V2_Fp16_IsRejectedClearly() =>
        Fails("""{"inputs": [{"name": "Torque [Nm]", "shape": [1], "datatype": "FP16", "data": [1]}]}""", format: InputFormat.KServeV2)
            .Message.ShouldContain("FP16 is not supported");

    [Fact]
    public void V2_DataLengthMustMatchShape()
    {
        var ex = Fails("""
            {"inputs": [{"name": "Torque [Nm]", "shape": [2], "datatype": "FP64", "data": [1, 2, 3]},
                        {"name": "Type", "shape": [2], "datatype": "BYTES", "data": ["L", "M"]},
                        {"name": "on", "shape": [2], "datatype": "BOOL", "data": [true, false]}]}
            """, format: InputFormat.KServeV2);

        ex.Errors.ShouldHaveSingleItem().Message.ShouldBe("inputs[0] (\"Torque [Nm]\"): \"data\" holds 3 values but shape [2] needs 2");
    }

    [Fact]
    public void V2_InconsistentRows_AreRejected() =>
        Fails("""
            {"inputs": [{"name": "Torque [Nm]", "shape": [2], "datatype": "FP64", "data": [1, 2]},
                        {"name": "Type", "shape": [1], "datatype": "BYTES", "data": ["L"]},
                        {"name": "on", "shape": [2], "datatype": "BOOL", "data": [true, false]}]}
            """, format: InputFormat.KServeV2).Message.ShouldContain("every input needs the same number of rows");

    [Fact]
    public void V2_IntegerOutOfRange_IsNamed() =>
        Fails("""
            {"inputs": [{"name": "Torque [Nm]", "shape": [1], "datatype": "INT8", "data": [300]},
                        {"name": "Type", "shape": [1], "datatype": "BYTES", "data": ["L"]},
                        {"name": "on", "shape": [1], "datatype": "BOOL", "data": [true]}]}
            """, format: InputFormat.KServeV2).Errors.ShouldHaveSingleItem().Message.ShouldBe("inputs[0] (\"Torque [Nm]\") row 0: expected an integer within the INT8 range");

    [Fact]
    public void V2_MatrixWithCategoricalField_IsRejected() =>
        Fails("""{"inputs": [{"name": "input-0", "shape": [1, 3], "datatype": "FP64", "data": [1, 2, 3]}]}""", format: InputFormat.KServeV2)
            .Message.ShouldContain("a single 2-D tensor can only carry numeric and boolean fields, but \"Type\" (Categorical) is not");

    [Fact]
    public void V2_UnknownInputAndMissingField_AreNamed()
    {
        var ex = Fails("""{"inputs": [{"name": "speed", "shape": [1], "datatype": "FP64", "data": [1]}, {"name": "Torque [Nm]", "shape": [1], "datatype": "FP64", "data": [1]}]}""", format: InputFormat.KServeV2);

        ex.Errors[0].Message.ShouldStartWith("inputs[0] (\"speed\"): unknown input; send one tensor per field; expected fields:");
        ex.Errors.Select(e => e.Message).ShouldContain("inputs: missing field \"Type\" (one tensor per field is needed)");
    }

    [Fact]
    public void V2_ShapeTooLarge_Is413() =>
        Fails("""{"inputs": [{"name": "Torque [Nm]", "shape": [100000], "datatype": "FP64", "data": []}]}""", format: InputFormat.KServeV2).StatusCode.ShouldBe(413);

    [Fact]
    public void V2_UnknownOutput_IsRejected() =>
        Fails("""{"inputs": [], "outputs": [{"name": "logits"}]}""", format: InputFormat.KServeV2).Message.ShouldContain("unknown output \"logits\"");

    [Fact]
    public void Limits_InvalidValues_NameTheOption()
    {
        Should.Throw<ArgumentException>(() => new ServingLimits(maxBatchRows: 0)).Message.ShouldContain("MaxBatchRows");
        Should.Throw<ArgumentException>(() => new ServingLimits(maxStringLength: -1)).Message.ShouldContain("MaxStringLength");
        Should.Throw<ArgumentException>(() => new ServingLimits(maxJsonDepth: 2)).Message.ShouldContain("MaxJsonDepth");
        new ServingLimits().MaxBatchRows.ShouldBe(10_000);
    }
}
