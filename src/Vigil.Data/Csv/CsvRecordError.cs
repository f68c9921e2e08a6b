namespace Vigil.Data.Csv;

/// <summary>Why the tokenizer could not produce a well-formed record.</summary>
internal enum CsvRecordError
{
    /// <summary>The record is well formed.</summary>
    None,

    /// <summary>A closing quote was followed by something other than a delimiter or line end.</summary>
    CharacterAfterQuote,

    /// <summary>A quoted field was still open at the end of the input.</summary>
    UnterminatedQuote,

    /// <summary>The record grew past the byte limit.</summary>
    TooLong,
}
