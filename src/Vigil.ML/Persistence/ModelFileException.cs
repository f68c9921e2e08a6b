namespace Vigil.ML.Persistence;

/// <summary>A model file is not a valid Vigil model file: wrong magic, unsupported version, truncated, corrupted or inconsistent.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ModelFileException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ModelFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
