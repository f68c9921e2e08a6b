namespace Vigil.ML.Ensembles;

/// <summary>How a voting ensemble combines its members.</summary>
public enum VotingKind
{
    /// <summary>The weighted mean of the members' probabilities.</summary>
    Soft,

    /// <summary>Each member casts its weight for its most probable class; probabilities are the weighted vote shares.</summary>
    Hard,
}
