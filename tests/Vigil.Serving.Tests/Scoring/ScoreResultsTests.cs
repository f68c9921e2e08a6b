using System.Buffers;
using System.Text;
using System.Text.Json;
using Shouldly;
using Vigil.Serving.Inputs;
using Vigil.Serving.Scoring;
using Xunit;

namespace Vigil.Serving.Tests.Scoring;

public sealed class ScoreResultsTests
{
    private static readonly ScoreResult Classified = new(2, ["0", "1"], null, [0.9, 0.1, 0.2, 0.8], ["0", "1"]);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Slice_TakesTheRowsProbabilities()
    {
        var slice = ScoreResults.Slice(Classified, 1, 1);

        slice.Labels.ShouldBe(["1"]);
        slice.Probabilities.ShouldBe([0.2, 0.8]);
        slice.ClassNames.ShouldBe(["0", "1"]);
    }

    [Fact]
    public void WritePredictions_Classifier() =>
        Json(w => ScoreResults.WritePredictions(w, Classified)).ShouldBe(
            """[{"prediction":"0","probabilities":{"0":0.9,"1":0.1}},{"prediction":"1","probabilities":{"0":0.2,"1":0.8}}]""");

    [Fact]
    public void WritePredictions_RulWithKeys_NaNAsNull() =>
        Json(w => ScoreResults.WritePredictions(w, new ScoreResult(2, null, [12.5, double.NaN], null, null, ["3", "7"]))).ShouldBe(
            """[{"key":"3","prediction":12.5},{"key":"7","prediction":null}]""");

    [Fact]
    public void WriteMlflowResponse_Labels() =>
        Json(w => ScoreResults.WriteMlflowResponse(w, Classified)).ShouldBe("""{"predictions":["0","1"]}""");

    [Fact]
    public void WriteKServeV2Response_Classifier()
    {
        var json = Json(w => ScoreResults.WriteKServeV2Response(w, Classified, new ModelIdentity("pdm", 3, "s"), "req-1"));

        json.ShouldBe(
            """{"model_name":"pdm","model_version":"3","id":"req-1","outputs":[{"name":"predict","shape":[2],"datatype":"BYTES","data":["0","1"]},"""
            + """{"name":"probabilities","shape":[2,2],"datatype":"FP64","parameters":{"class_names":"[\u00220\u0022,\u00221\u0022]"},"data":[0.9,0.1,0.2,0.8]}]}""");
        JsonDocument.Parse(json).RootElement.GetProperty("outputs")[1].GetProperty("parameters").GetProperty("class_names").GetString().ShouldBe("[\"0\",\"1\"]");
    }

    [Fact]
    public void WriteKServeV2Response_RequestedOutputsOnly() =>
        Json(w => ScoreResults.WriteKServeV2Response(w, new ScoreResult(1, null, [4.0], null, null), new ModelIdentity("t", 1, "s"), null, ["predict"])).ShouldBe(
            """{"model_name":"t","model_version":"1","outputs":[{"name":"predict","shape":[1],"datatype":"FP64","data":[4]}]}""");

    [Fact]
    public void WriteErrors_ListsFieldRowAndMessage() =>
        Json(w => ScoreResults.WriteErrors(w, new InputValidationException(new InputError("a", 3, "records[3].\"a\": missing field")))).ShouldBe(
            """{"error":"records[3].\u0022a\u0022: missing field","errors":[{"field":"a","row":3,"message":"records[3].\u0022a\u0022: missing field"}]}""");
}
