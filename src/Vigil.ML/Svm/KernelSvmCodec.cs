using Vigil.ML.Persistence;
using Vigil.ML.Preprocessing;

namespace Vigil.ML.Svm;

/// <summary>
/// The payload of a <see cref="KernelSvmModel"/>: the standardizer (<see cref="Standardizer.Write"/>), int32 kernel
/// type, float64 γ, int32 degree, float64 coef0, int32 classes, int32 m + m trained class indices, int32 support
/// vectors s + s × features float64, int32 pairs P; per pair int32 class A, int32 class B, float64 ρ, Platt A, Platt B;
/// then P + 1 int32 slice starts, and per slice entry int32 support-vector index and float64 coefficient.
/// </summary>
internal sealed class KernelSvmCodec : ModelCodec<KernelSvmModel>
{
    public override string Kind => "vigil.kernel-svm-classifier";

    public override void Write(KernelSvmModel model, BinaryWriter writer, ModelCodecs codecs)
    {
        model.Standardizer.Write(writer);
        writer.Write((int)model.Kernel);
        writer.Write(model.Gamma);
        writer.Write(model.Degree);
        writer.Write(model.Coef0);
        writer.Write(model.ClassCount);
        writer.Write(model.TrainedClasses.Length);
        BinaryChecks.WriteAll(writer, model.TrainedClasses);
        writer.Write(model.SupportVectorCount);
        BinaryChecks.WriteAll(writer, model.SupportVectors);
        var pairs = model.Pairs;
        writer.Write(pairs.Count);
        for (var p = 0; p < pairs.Count; p++)
        {
            writer.Write(pairs.ClassA[p]);
            writer.Write(pairs.ClassB[p]);
            writer.Write(pairs.Rho[p]);
            writer.Write(pairs.PlattA[p]);
            writer.Write(pairs.PlattB[p]);
        }

        BinaryChecks.WriteAll(writer, pairs.Start);
        for (var s = 0; s < pairs.Index.Length; s++)
        {
            writer.Write(pairs.Index[s]);
            writer.Write(pairs.Coefficient[s]);
        }
    }

    public override KernelSvmModel Read(BinaryReader reader, int formatVersion, ModelCodecs codecs)
    {
        var standardizer = Standardizer.Read(reader);
        var d = standardizer.FeatureCount;
        var type = (KernelType)reader.ReadInt32();
        if (!Enum.IsDefined(type))
        {
            throw new InvalidDataException($"Unknown kernel type {(int)type}.");
        }

        var kernel = new KernelFunction(type, reader.ReadDouble(), reader.ReadInt32(), reader.ReadDouble());
        var classCount = reader.ReadInt32();
        var classes = BinaryChecks.ReadInts(reader, BinaryChecks.ReadCount(reader, 4));
        var supportVectors = BinaryChecks.ReadDoubles(reader, BinaryChecks.ReadCount(reader, 8L * d) * d);
        var count = BinaryChecks.ReadCount(reader, 32);
        var (a, b, rho, plattA, plattB) = (new int[count], new int[count], new double[count], new double[count], new double[count]);
        for (var p = 0; p < count; p++)
        {
            (a[p], b[p], rho[p], plattA[p], plattB[p]) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        }

        var start = BinaryChecks.ReadInts(reader, count + 1);
        var entries = start[^1];
        if (entries < 0 || (reader.BaseStream.Length - reader.BaseStream.Position) < 12L * entries)
        {
            throw new InvalidDataException($"The kernel SVM declares {entries} coefficients that do not fit in the payload.");
        }

        var (index, coefficient) = (new int[entries], new double[entries]);
        for (var s = 0; s < entries; s++)
        {
            (index[s], coefficient[s]) = (reader.ReadInt32(), reader.ReadDouble());
        }

        return new KernelSvmModel(standardizer, kernel, classCount, classes, supportVectors, new SvmPairs(a, b, rho, plattA, plattB, start, index, coefficient));
    }
}
