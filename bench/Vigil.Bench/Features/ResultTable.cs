using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bench.Peers;
using Vigil.ML.Evaluation;

namespace Vigil.Bench.Features;

/// <summary>Per-row lists of F1, PR-AUC, ROC-AUC, accuracy and train seconds over seeds, printed as mean ± std (ddof = 1).</summary>
internal sealed class ResultTable
{
    private static readonly string[] Keys = ["f1", "pr_auc", "roc_auc", "acc", "train_s"];
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Dictionary<string, List<double>>> _rows = new(StringComparer.Ordinal);

    public void Add(string row, ClassificationMetrics m, double trainSeconds) =>
        Add(row, [m.F1, m.PrAuc, m.RocAuc, m.Accuracy, trainSeconds]);

    public void AddPeer(string row, JsonElement m, double trainSeconds) =>
        Add(row, [m.GetProperty("f1").GetDouble(), m.GetProperty("pr_auc").GetDouble(), m.GetProperty("roc_auc").GetDouble(), m.GetProperty("acc").GetDouble(), trainSeconds]);

    public void Print(int seeds)
    {
        Console.WriteLine($"AI4I 2020, official protocol, {seeds} seeds (mean ± std); peers and Vigil on the same split per seed");
        Console.WriteLine("| model (features, threshold) | F1 (fail) | PR-AUC | ROC-AUC | accuracy | train s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in _order)
        {
            var d = _rows[row];
            Console.WriteLine($"| {row} | {Stats.Format(d["f1"], 3)} | {Stats.Format(d["pr_auc"], 3)} | {Stats.Format(d["roc_auc"], 4)} | {Stats.Format(d["acc"], 4)} | {Stats.Format(d["train_s"], 2)} |");
        }
    }

    public string ToJson(string benchmark, int seeds, IReadOnlyList<string> kept)
    {
        var json = new JsonObject { ["benchmark"] = benchmark, ["seeds"] = seeds, ["kept"] = new JsonArray([.. kept.Select(k => (JsonNode?)k)]) };
        foreach (var row in _order)
        {
            var o = new JsonObject();
            foreach (var k in Keys)
            {
                var (mean, std) = Stats.MeanStd(_rows[row][k]);
                o[k] = new JsonObject { ["mean"] = mean, ["std"] = std, ["values"] = new JsonArray([.. _rows[row][k].Select(v => (JsonNode?)v)]) };
            }

            json[row] = o;
        }

        return json.ToJsonString();
    }

    private void Add(string row, double[] values)
    {
        if (!_rows.TryGetValue(row, out var d))
        {
            d = Keys.ToDictionary(k => k, _ => new List<double>(), StringComparer.Ordinal);
            _rows[row] = d;
            _order.Add(row);
        }

        for (var i = 0; i < Keys.Length; i++)
        {
            d[Keys[i]].Add(values[i]);
        }
    }
}
