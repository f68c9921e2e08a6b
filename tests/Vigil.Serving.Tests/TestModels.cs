using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Data.Cmapss;
using Vigil.Data.Frames;
using Vigil.Data.Generators;
using Vigil.ML;
using Vigil.ML.Encoding;
using Vigil.ML.Forests;
using Vigil.ML.Linear;
using Vigil.ML.Rul;
using Xunit;

[assembly: AssemblyFixture(typeof(Vigil.Serving.Tests.TestModels))]

namespace Vigil.Serving.Tests;

/// <summary>Tiny real models trained once for the whole test assembly.</summary>
public sealed class TestModels
{
    public static IReadOnlyList<string> Ai4iInputs { get; } =
    [
        Ai4iColumns.Type, Ai4iColumns.AirTemperature, Ai4iColumns.ProcessTemperature, Ai4iColumns.RotationalSpeed, Ai4iColumns.Torque, Ai4iColumns.ToolWear,
    ];

    public TestModels()
    {
        Ai4i = Ai4iGenerator.Generate(new Ai4iGeneratorOptions(600, 11));
        string[] leaks = [Ai4iColumns.Udi, Ai4iColumns.ProductId, Ai4iColumns.Twf, Ai4iColumns.Hdf, Ai4iColumns.Pwf, Ai4iColumns.Osf, Ai4iColumns.Rnf];
        Classifier = TabularClassifier.Fit(
            new RandomForestClassifierLearner(new RandomForestClassifierOptions { TreeCount = 12, MaxDepth = 6, Seed = 1 }),
            Ai4i,
            new TabularEncoderOptions { Target = Ai4iColumns.MachineFailure, Exclude = leaks });
        Regressor = TabularRegressor.Fit(
            new LinearRegressionLearner(),
            Ai4i.Drop(Ai4iColumns.Torque).WithColumn(Ai4i[Ai4iColumns.Torque].Rename("Target torque")),
            new TabularEncoderOptions { Target = "Target torque", Exclude = [.. leaks, Ai4iColumns.MachineFailure] });

        Degradation = DegradationGenerator.Generate(new DegradationGeneratorOptions(units: 6, seed: 3, minLife: 40, maxLife: 60));
        string[] sensors = ["s1", "s2", "s3", "s5", "s6"];
        var columns = new RulColumns();
        var options = new RulWindowOptions(sensors, windowLength: 8);
        var labelled = RulLabels.Add(Degradation, columns, 40);
        var scaler = MinMaxScaler.Fit(labelled, sensors);
        var windows = new RulWindows(options).Build(scaler.Transform(labelled), columns);
        var regressor = WindowStatisticsRegressor.Fit(new LinearRegressionLearner(), windows, sensors);
        Rul = new RulModel(columns, scaler, options, 40, regressor, new ModelInfo { LearnerName = regressor.Name });

        ServedClassifier = ServedModels.Create(Classifier, new ModelIdentity("pdm", 3, "registry://pdm/3", "run-1"));
        ServedRegressor = ServedModels.Create(Regressor, new ModelIdentity("torque", 1, "registry://torque/1"));
        ServedRul = ServedModels.Create(Rul, new ModelIdentity("engine-rul", 2, "registry://engine-rul/2"));
    }

    public DataFrame Ai4i { get; }

    public TabularClassifier Classifier { get; }

    public TabularRegressor Regressor { get; }

    public DataFrame Degradation { get; }

    public RulModel Rul { get; }

    public IServedModel ServedClassifier { get; }

    public IServedModel ServedRegressor { get; }

    public IServedModel ServedRul { get; }

    /// <summary>The first <paramref name="rows"/> AI4I rows, only the classifier's input columns.</summary>
    public DataFrame Records(int rows) => Ai4i.Head(rows).Select(Ai4iInputs);
}

/// <summary>Builds request bodies of every format from a frame.</summary>
internal static class Bodies
{
    public static byte[] Records(DataFrame frame, bool single = false) => Write(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("records");
        if (single)
        {
            Object(w, frame, 0);
        }
        else
        {
            w.WriteStartArray();
            for (var r = 0; r < frame.RowCount; r++)
            {
                Object(w, frame, r);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    public static byte[] Split(DataFrame frame, bool reversed = false) => Write(w =>
    {
        var order = Enumerable.Range(0, frame.ColumnCount).ToArray();
        if (reversed)
        {
            Array.Reverse(order);
        }

        w.WriteStartObject();
        w.WriteStartObject("dataframe_split");
        if (reversed)
        {
            Data();
            Columns();
        }
        else
        {
            Columns();
            w.WriteStartArray("index");
            for (var r = 0; r < frame.RowCount; r++)
            {
                w.WriteNumberValue(r);
            }

            w.WriteEndArray();
            Data();
        }

        w.WriteEndObject();
        w.WriteEndObject();

        void Columns()
        {
            w.WriteStartArray("columns");
            foreach (var c in order)
            {
                w.WriteStringValue(frame[c].Name);
            }

            w.WriteEndArray();
        }

        void Data()
        {
            w.WriteStartArray("data");
            for (var r = 0; r < frame.RowCount; r++)
            {
                w.WriteStartArray();
                foreach (var c in order)
                {
                    Value(w, frame[c], r);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }
    });

    public static byte[] MlflowRecords(DataFrame frame, string key = "dataframe_records") => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(key);
        for (var r = 0; r < frame.RowCount; r++)
        {
            Object(w, frame, r);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] InstancesLists(DataFrame frame, string key = "instances") => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(key);
        for (var r = 0; r < frame.RowCount; r++)
        {
            w.WriteStartArray();
            for (var c = 0; c < frame.ColumnCount; c++)
            {
                Value(w, frame[c], r);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One V2 tensor per column; shape [n] (or [n, 1] when <paramref name="column2D"/>); numbers as FP64, categories as BYTES.</summary>
    public static byte[] V2Columns(DataFrame frame, bool column2D = false, bool nested = false) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", "req-1");
        w.WriteStartArray("inputs");
        foreach (var column in frame.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", column.Name);
            w.WriteStartArray("shape");
            w.WriteNumberValue(frame.RowCount);
            if (column2D)
            {
                w.WriteNumberValue(1);
            }

            w.WriteEndArray();
            w.WriteString("datatype", column.Kind switch { ColumnKind.Float64 => "FP64", ColumnKind.Boolean => "BOOL", _ => "BYTES" });
            w.WriteStartArray("data");
            for (var r = 0; r < frame.RowCount; r++)
            {
                if (nested)
                {
                    w.WriteStartArray();
                }

                Value(w, column, r);
                if (nested)
                {
                    w.WriteEndArray();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>One V2 FP64 tensor of shape [n, columns] (all columns numeric), flat or nested by row.</summary>
    public static byte[] V2Matrix(DataFrame frame, bool nested, string datatype = "FP64") => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("inputs");
        w.WriteStartObject();
        w.WriteString("name", "input-0");
        w.WriteStartArray("shape");
        w.WriteNumberValue(frame.RowCount);
        w.WriteNumberValue(frame.ColumnCount);
        w.WriteEndArray();
        w.WriteString("datatype", datatype);
        w.WriteStartArray("data");
        for (var r = 0; r < frame.RowCount; r++)
        {
            if (nested)
            {
                w.WriteStartArray();
            }

            for (var c = 0; c < frame.ColumnCount; c++)
            {
                Value(w, frame[c], r);
            }

            if (nested)
            {
                w.WriteEndArray();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static void Object(Utf8JsonWriter w, DataFrame frame, int r)
    {
        w.WriteStartObject();
        foreach (var column in frame.Columns)
        {
            w.WritePropertyName(column.Name);
            Value(w, column, r);
        }

        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, Column column, int r)
    {
        switch (column)
        {
            case Float64Column f:
                w.WriteNumberValue(f[r]);
                break;
            case BooleanColumn b:
                w.WriteBooleanValue(b[r] == true);
                break;
            case TimestampColumn t:
                w.WriteStringValue(t[r]!.Value.ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteStringValue(column.Format(r));
                break;
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
