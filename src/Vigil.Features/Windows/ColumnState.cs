namespace Vigil.Features.Windows;

/// <summary>
/// The per-group, per-column memory of one window step. The batch transform pushes each group's values through a fresh
/// state in time order and the online state pushes rows as they arrive: one code path, so both give the same doubles.
/// </summary>
internal abstract class ColumnState
{
    /// <summary>Takes the next value of the sequence (NaN = missing) and writes this row's features.</summary>
    public abstract void Push(double value, Span<double> features);

    /// <summary>Forgets the sequence, as at the start of a new group.</summary>
    public abstract void Reset();

    /// <summary>Writes the memory for a snapshot.</summary>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Replaces the memory with a snapshot written by <see cref="Write"/>.</summary>
    public abstract void Read(BinaryReader reader);
}
