namespace Vigil.Data.Validation;

/// <summary>A column suspected of leaking the target.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Score">The strength of the evidence in [0, 1]: the rule's statistic; lower for the indirect Rule B.</param>
/// <param name="Rule">The rule that raised the suspicion.</param>
/// <param name="Evidence">The numbers behind the suspicion, in words.</param>
public sealed record LeakageSuspect(string Column, double Score, LeakageRule Rule, string Evidence);
