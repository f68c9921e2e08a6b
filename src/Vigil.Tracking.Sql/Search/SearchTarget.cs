namespace Vigil.Tracking.Sql.Search;

/// <summary>An attribute a search may filter or order by: its SQL column and whether it is numeric.</summary>
internal sealed record SearchAttribute(string Column, bool Numeric);

/// <summary>
/// What one kind of search may refer to: its attributes, and how a key/value side table (tags, params, latest metrics)
/// is tied to the searched row. <see cref="Member"/> turns a side table and a condition on its alias <c>x</c> into a
/// membership test of the current row.
/// </summary>
internal sealed record SearchTarget(
    string Entity,
    IReadOnlyDictionary<string, SearchAttribute> Attributes,
    string TagTable,
    Func<string, string, string> Member,
    bool AllowsRunData,
    IReadOnlyList<string> DefaultOrder,
    IReadOnlyList<string> TieBreak)
{
    private static Func<string, string, string> ByColumn(string idExpression, string sideColumn) =>
        (table, condition) => $"{idExpression} IN (SELECT x.{sideColumn} FROM {table} x WHERE {condition})";

    public static SearchTarget Runs { get; } = new(
        "run",
        new Dictionary<string, SearchAttribute>(StringComparer.Ordinal)
        {
            ["run_id"] = new("r.run_id", false),
            ["run_name"] = new("r.run_name", false),
            ["status"] = new("r.status", false),
            ["user_id"] = new("r.user_id", false),
            ["artifact_uri"] = new("r.artifact_uri", false),
            ["start_time"] = new("r.start_time", true),
            ["created"] = new("r.start_time", true),
            ["end_time"] = new("r.end_time", true),
        },
        "tags",
        ByColumn("r.run_id", "run_id"),
        AllowsRunData: true,
        DefaultOrder: ["r.start_time DESC"],
        TieBreak: ["r.run_id ASC"]);

    public static SearchTarget Experiments { get; } = new(
        "experiment",
        new Dictionary<string, SearchAttribute>(StringComparer.Ordinal)
        {
            ["name"] = new("e.name", false),
            ["experiment_id"] = new("e.experiment_id", true),
            ["creation_time"] = new("e.creation_time", true),
            ["last_update_time"] = new("e.last_update_time", true),
        },
        "experiment_tags",
        ByColumn("e.experiment_id", "experiment_id"),
        AllowsRunData: false,
        DefaultOrder: ["e.creation_time DESC"],
        TieBreak: ["e.experiment_id ASC"]);

    public static SearchTarget RegisteredModels { get; } = new(
        "registered model",
        new Dictionary<string, SearchAttribute>(StringComparer.Ordinal)
        {
            ["name"] = new("m.name", false),
            ["creation_timestamp"] = new("m.creation_time", true),
            ["last_updated_timestamp"] = new("m.last_updated_time", true),
            ["timestamp"] = new("m.last_updated_time", true),
        },
        "registered_model_tags",
        ByColumn("m.name", "name"),
        AllowsRunData: false,
        DefaultOrder: ["m.name ASC"],
        TieBreak: ["m.name ASC"]);

    public static SearchTarget ModelVersions { get; } = new(
        "model version",
        new Dictionary<string, SearchAttribute>(StringComparer.Ordinal)
        {
            ["name"] = new("v.name", false),
            ["run_id"] = new("v.run_id", false),
            ["source_path"] = new("v.source", false),
            ["current_stage"] = new("v.current_stage", false),
            ["version_number"] = new("v.version", true),
            ["creation_timestamp"] = new("v.creation_time", true),
            ["last_updated_timestamp"] = new("v.last_updated_time", true),
        },
        "model_version_tags",
        (table, condition) => $"EXISTS (SELECT 1 FROM {table} x WHERE x.name = v.name AND x.version = v.version AND {condition})",
        AllowsRunData: false,
        DefaultOrder: ["v.name ASC", "v.version DESC"],
        TieBreak: ["v.name ASC", "v.version DESC"]);
}
