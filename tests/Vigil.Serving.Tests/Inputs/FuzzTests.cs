using Shouldly;
using Vigil.Data.Frames;
using Vigil.Serving.Inputs;
using Xunit;

namespace Vigil.Serving.Tests.Inputs;

/// <summary>Random mutations of valid bodies: decoding (and scoring what decodes) only ever fails with <see cref="InputValidationException"/>.</summary>
public sealed class FuzzTests(TestModels models)
{
    private const int Mutations = 3_000;
    private static readonly byte[] Alphabet = "{}[]\",:0123456789.-+eEtrufalsnNI \\u\n\u00ff"u8.ToArray();

    public static TheoryData<string> Formats() => ["records", "dataframe_split", "instances", "v2-columns", "v2-matrix"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void MutatedBodies_OnlyEverFailWithInputValidationException(string format)
    {
        var (served, decoder, valid, kind) = Setup(format);
        var random = new Random(format.Length * 7919);
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var body = Mutate(valid[random.Next(valid.Length)], random);
            try
            {
                var request = decoder.Decode(kind, body);
                request.Frame.RowCount.ShouldBeGreaterThan(0);
                served?.Score(request.Frame);
                accepted++;
            }
            catch (InputValidationException ex)
            {
                ex.Errors.ShouldNotBeEmpty();
                ex.StatusCode.ShouldBeOneOf(400, 413);
                rejected++;
            }
        }

        rejected.ShouldBeGreaterThan(Mutations / 2);
        accepted.ShouldBeGreaterThan(0);
    }

    private (IServedModel? Served, InputDecoder Decoder, byte[][] Valid, InputFormat Kind) Setup(string format)
    {
        var frames = new[] { models.Records(1), models.Records(3) };
        var classifier = InputDecoder.For(models.ServedClassifier, new ServingLimits(maxBatchRows: 50, maxStringLength: 64));
        switch (format)
        {
            case "records":
                return (models.ServedClassifier, classifier, [.. frames.Select(f => Bodies.Records(f))], InputFormat.Records);
            case "dataframe_split":
                return (models.ServedClassifier, classifier, [.. frames.Select(f => Bodies.Split(f)), Bodies.Split(frames[1], reversed: true)], InputFormat.Mlflow);
            case "instances":
                return (models.ServedClassifier, classifier, [.. frames.Select(f => Bodies.InstancesLists(f)), Bodies.MlflowRecords(frames[0])], InputFormat.Mlflow);
            case "v2-columns":
                return (models.ServedClassifier, classifier, [.. frames.Select(f => Bodies.V2Columns(f)), Bodies.V2Columns(frames[1], true, true)], InputFormat.KServeV2);
            default:
                var numeric = models.Degradation.Head(12).Select(models.ServedRul.InputSchema.Columns.Select(c => c.Name));
                var decoder = InputDecoder.For(models.ServedRul, new ServingLimits(maxBatchRows: 50));
                return (models.ServedRul, decoder, [Bodies.V2Matrix(numeric, false), Bodies.V2Matrix(numeric, true), Bodies.V2Matrix(numeric.Head(1), true, "FP32")], InputFormat.KServeV2);
        }
    }

    private static byte[] Mutate(byte[] body, Random random)
    {
        var bytes = new List<byte>(body);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 1:
                    bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(8), bytes.Count - at));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = Math.Min(1 + random.Next(40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
