using System.Text;
using System.Text.Unicode;
using Vigil.Data.Frames;

namespace Vigil.Data.Csv;

/// <summary>
/// Builds a Categorical column (codes plus a dictionary looked up without allocating for known values) that turns into
/// a String column when its dictionary passes the cap, or a String column directly.
/// </summary>
internal sealed class TextColumnBuilder : CsvColumnBuilder
{
    private const int NewCategory = -2;

    private readonly int _cap;
    private readonly bool _autoText;
    private readonly CsvReadOptions _options;
    private Dictionary<string, int>? _dictionary;
    private List<string> _categories = [];
    private int[] _codes = [];
    private string?[] _strings = [];
    private char[] _chars = new char[64];
    private string? _pending;
    private bool _pendingInvalid;
    private int _invalidUtf8;
    private int _nonMissing;
    private bool _demoted;

    public TextColumnBuilder(string name, bool categorical, bool forced, bool autoText, CsvReadOptions options, int capacity)
        : base(name)
    {
        _cap = forced ? int.MaxValue : options.CategoricalDictionaryCap;
        _autoText = autoText;
        _options = options;
        if (categorical || autoText)
        {
            _dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
            _codes = new int[Math.Max(capacity, 16)];
        }
        else
        {
            _strings = new string?[Math.Max(capacity, 16)];
        }
    }

    public override ColumnKind Kind => _dictionary is null ? ColumnKind.String : ColumnKind.Categorical;

    public override bool IsTyped => false;

    public override string Expectation => "is not text";

    public override bool Stage(ReadOnlySpan<byte> field, bool missing)
    {
        _pendingInvalid = false;
        if (_dictionary is null)
        {
            EnsureCapacity(ref _strings, Count);
            if (missing)
            {
                _strings[Count] = null;
                return true;
            }

            _pendingInvalid = !Utf8.IsValid(field);
            _strings[Count] = Encoding.UTF8.GetString(field);
            return true;
        }

        EnsureCapacity(ref _codes, Count);
        if (missing)
        {
            _codes[Count] = -1;
            return true;
        }

        _pendingInvalid = !Utf8.IsValid(field);
        if (_chars.Length < field.Length)
        {
            _chars = new char[Math.Max(field.Length, _chars.Length * 2)];
        }

        var n = Encoding.UTF8.GetChars(field, _chars);
        var chars = _chars.AsSpan(0, n);
        if (_dictionary.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var code))
        {
            _codes[Count] = code;
        }
        else
        {
            _codes[Count] = NewCategory;
            _pending = new string(chars);
        }

        return true;
    }

    public override void Commit()
    {
        if (_pendingInvalid)
        {
            _invalidUtf8++;
        }

        if (_dictionary is null)
        {
            _nonMissing += _strings[Count] is null ? 0 : 1;
            Count++;
            return;
        }

        if (_codes[Count] == NewCategory)
        {
            _codes[Count] = _categories.Count;
            _dictionary.Add(_pending!, _categories.Count);
            _categories.Add(_pending!);
            _pending = null;
        }

        _nonMissing += _codes[Count] < 0 ? 0 : 1;
        Count++;
        if (_categories.Count > _cap)
        {
            _demoted = true;
            Demote();
        }
    }

    public override Column Build(List<string> warnings)
    {
        if (_invalidUtf8 > 0)
        {
            warnings.Add($"column '{Name}': {_invalidUtf8} values were not valid UTF-8 and were decoded with U+FFFD replacement characters.");
        }

        if (_demoted)
        {
            warnings.Add($"column '{Name}': more than {_cap} distinct values; stored as String instead of Categorical.");
        }

        if (_dictionary is not null && _autoText
            && (_categories.Count > _options.CategoricalMaxDistinct || _categories.Count > _options.CategoricalMaxFraction * _nonMissing))
        {
            Demote();
        }

        if (_dictionary is null)
        {
            return new StringColumn(Name, Trim(_strings, Count));
        }

        return new CategoricalColumn(Name, Trim(_codes, Count), [.. _categories]);
    }

    private void Demote()
    {
        var strings = new string?[Math.Max(_codes.Length, 16)];
        for (var i = 0; i < Count; i++)
        {
            strings[i] = _codes[i] < 0 ? null : _categories[_codes[i]];
        }

        _strings = strings;
        _codes = [];
        _dictionary = null;
        _categories = [];
    }
}
