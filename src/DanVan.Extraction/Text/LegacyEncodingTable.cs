using System.Globalization;
using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>
/// One legacy Vietnamese font encoding (TCVN3 or VNI-Windows) read from its table under
/// <c>models/encodings/</c>: legacy byte sequences (seen as the Latin-1 characters with the same numbers)
/// to Unicode letters. Immutable and thread-safe once loaded.
/// </summary>
internal sealed class LegacyEncodingTable
{
    /// <summary>The longest legacy sequence any table holds (VNI: base letter + mark byte).</summary>
    public const int MaxSequence = 3;

    private static readonly Lazy<LegacyEncodingTable> Tcvn3Table = new(() => Load(TextEncodingKind.Tcvn3, ModelCatalog.Tcvn3Table));
    private static readonly Lazy<LegacyEncodingTable> VniTable = new(() => Load(TextEncodingKind.Vni, ModelCatalog.VniTable));

    // Legacy sequence packed into an int (one Latin-1 char per byte, first char lowest) → Unicode letter.
    private readonly Dictionary<int, char> _byKey;

    // Per Latin-1 char: true when some sequence contains it at a position other than the first (a mark byte).
    private readonly bool[] _isMark = new bool[256];

    // Per Latin-1 char: the letter a one-byte sequence stands for, or '\0' (the per-character fast path).
    private readonly char[] _single = new char[256];

    private LegacyEncodingTable(TextEncodingKind kind, List<(string Legacy, char Letter)> entries)
    {
        Kind = kind;
        Entries = entries;
        _byKey = new Dictionary<int, char>(entries.Count * 2);
        var maxLength = 1;
        foreach (var (legacy, letter) in entries)
        {
            _byKey[Pack(legacy)] = letter;
            if (legacy.Length == 1)
            {
                _single[legacy[0]] = letter;
            }

            maxLength = Math.Max(maxLength, legacy.Length);
            for (var k = 1; k < legacy.Length; k++)
            {
                _isMark[legacy[k]] = true;
            }
        }

        MaxLength = maxLength;
    }

    /// <summary>TCVN3 (TCVN 5712:1993 VN3), loaded on first use.</summary>
    public static LegacyEncodingTable Tcvn3 => Tcvn3Table.Value;

    /// <summary>VNI-Windows, loaded on first use.</summary>
    public static LegacyEncodingTable Vni => VniTable.Value;

    /// <summary>Which encoding this table converts.</summary>
    public TextEncodingKind Kind { get; }

    /// <summary>Every entry as in the file: legacy sequence (Latin-1 chars) and the Unicode letter.</summary>
    public IReadOnlyList<(string Legacy, char Letter)> Entries { get; }

    /// <summary>The length of the longest legacy sequence in this table.</summary>
    public int MaxLength { get; }

    /// <summary>
    /// Matches the longest legacy sequence at the start of <paramref name="text"/>; returns its length
    /// (0 when none) and the Unicode letter. A VNI mark byte of the other case than its base letter
    /// ("Aù") is accepted too, and the letter takes the case of the base.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, out char letter)
    {
        if (text.IsEmpty || text[0] > 0xFF)
        {
            letter = '\0';
            return 0;
        }

        // A longer sequence needs a mark byte right after the first character; otherwise only one-byte entries apply.
        if (MaxLength == 1 || text.Length == 1 || text[1] > 0xFF || !_isMark[text[1]])
        {
            letter = _single[text[0]];
            return letter == '\0' ? 0 : 1;
        }

        var max = Math.Min(MaxLength, text.Length);
        for (var length = max; length >= 1; length--)
        {
            var key = 0;
            var flippedKey = 0;
            var inRange = true;
            for (var k = 0; k < length; k++)
            {
                var c = text[k];
                if (c > 0xFF || c == 0)
                {
                    inRange = false;
                    break;
                }

                key |= c << (8 * k);
                var flipped = k > 0 && c >= 0xC0 && c != 0xD7 && c != 0xF7 ? c ^ 0x20 : c;
                flippedKey |= flipped << (8 * k);
            }

            if (!inRange)
            {
                continue;
            }

            if (_byKey.TryGetValue(key, out letter))
            {
                return length;
            }

            if (length > 1 && flippedKey != key && _byKey.TryGetValue(flippedKey, out letter))
            {
                letter = char.IsUpper(text[0]) ? CharClass.ToUpperInvariant(letter) : CharClass.ToLowerInvariant(letter);
                return length;
            }
        }

        letter = '\0';
        return 0;
    }

    /// <summary>True when <paramref name="c"/> is a mark byte of this table (it only follows a base letter).</summary>
    public bool IsMark(char c) => c <= 0xFF && _isMark[c];

    /// <summary>Parses a table file (see <c>models/encodings/README.md</c>); throws <see cref="InvalidDataException"/> on a malformed line.</summary>
    internal static LegacyEncodingTable Parse(TextEncodingKind kind, TextReader reader, string name)
    {
        var entries = new List<(string, char)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var letter = tab < 0 ? string.Empty : line[(tab + 1)..];
            if (tab <= 0 || letter.Length != 1 || !char.IsLetter(letter[0]) || !letter.IsNormalized(NormalizationForm.FormC))
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected '<hex bytes>\\t<one NFC letter>'.");
            }

            var hex = line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (hex.Length is 0 or > MaxSequence)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected 1 to {MaxSequence} bytes.");
            }

            var legacy = new char[hex.Length];
            for (var k = 0; k < hex.Length; k++)
            {
                if (!byte.TryParse(hex[k], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b) || b == 0)
                {
                    throw new InvalidDataException($"{name}:{lineNumber}: '{hex[k]}' is not a byte in hex.");
                }

                legacy[k] = (char)b;
            }

            var sequence = new string(legacy);
            if (!seen.Add(sequence))
            {
                throw new InvalidDataException($"{name}:{lineNumber}: the sequence {line[..tab]} is listed twice.");
            }

            entries.Add((sequence, letter[0]));
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{name}: no entries.");
        }

        return new LegacyEncodingTable(kind, entries);
    }

    private static LegacyEncodingTable Load(TextEncodingKind kind, string logicalName)
    {
        using var stream = ModelCatalog.Open(logicalName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(kind, reader, logicalName);
    }

    private static int Pack(string legacy)
    {
        var key = 0;
        for (var k = 0; k < legacy.Length; k++)
        {
            key |= legacy[k] << (8 * k);
        }

        return key;
    }
}
