namespace Vigil.ML.Ensembles;

/// <summary>One bagged member: its model and the columns it sees (null = all).</summary>
internal sealed record BaggingMember<TModel>(TModel Model, ColumnSubset? Columns);
