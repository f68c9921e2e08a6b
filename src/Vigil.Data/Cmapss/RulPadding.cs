namespace Vigil.Data.Cmapss;

/// <summary>What to do with a unit that has fewer cycles than the window length.</summary>
public enum RulPadding
{
    /// <summary>Pad at the front by repeating the unit's first row until the window is full; the unit yields one window.</summary>
    RepeatFirstRow,

    /// <summary>Skip the unit: it yields no window.</summary>
    Skip,
}
