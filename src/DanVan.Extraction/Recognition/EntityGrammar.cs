using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>How much evidence a name needs to start.</summary>
internal enum NameContext
{
    /// <summary>No cue: the name must start with a known surname or an ethnic-minority given-name opener.</summary>
    Free,

    /// <summary>After "đồng chí", "ông", "bà"… or next to a title: any capitalized syllables may be a name.</summary>
    Cued,
}

/// <summary>
/// The grammar of names, organizations and titles (domain.md §3) over a <see cref="TokenView"/>, shared by
/// the person, title and organization recognizers. Everything is token arithmetic and span comparison
/// against the embedded lexicons; nothing allocates except <see cref="CanonicalName"/>.
/// </summary>
internal static class EntityGrammar
{
    public const int MaxNameSyllables = 4;
    private const int MaxPlaceTokens = 4;
    private const int MaxOrgans = 4;

    private static readonly string[] Cues = ["đồng chí", "đ/c", "ông", "bà", "chị", "anh", "cụ", "già làng", "thầy", "cô", "em", "nghệ nhân", "người có uy tín", "ảnh :", "t/h :", "bài :", "tin :"];

    // The last word of each cue: a token before which none stands cannot follow a cue (a cheap first test).
    private static readonly string[] CueLastWords = [.. Cues.Select(c => c[(c.LastIndexOf(' ') + 1)..]).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>True when a cue spans exactly tokens <paramref name="first"/> up to (not including) <paramref name="next"/>.</summary>
    public static bool IsCueStartAt(TokenView view, int first, int next)
    {
        foreach (var cue in Cues)
        {
            if (TokenView.WordCount(cue) == next - first && view.IsPhrase(first, cue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a one-word cue ("Ông", "bà"): it introduces a name and is never its first syllable.</summary>
    public static bool IsCueWord(ReadOnlySpan<char> word)
    {
        foreach (var cue in Cues)
        {
            if (word.Equals(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalized syllable ("Nguyễn", "H'Loan", "M'gar").</summary>
    public static bool IsCapWord(TokenView view, int index) => view.Kind(index) == TokenKind.Syllable && char.IsUpper(view.Span(index)[0]);

    /// <summary>A comma or a dash: what separates a name from its titles and the titles from each other.</summary>
    public static bool IsSeparator(TokenView view, int index) => view.Kind(index) == TokenKind.Punctuation && view.Span(index) is "," or "-" or "–" or "—";

    /// <summary>True when a cue ("đồng chí", "ông", "bà"…) ends right before token <paramref name="index"/> on its line.</summary>
    public static bool FollowsCue(TokenView view, int index)
    {
        var previous = view.Span(index - 1);
        var candidate = false;
        foreach (var word in CueLastWords)
        {
            if (previous.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                candidate = true;
                break;
            }
        }

        if (!candidate)
        {
            return false;
        }

        foreach (var cue in Cues)
        {
            var n = TokenView.WordCount(cue);
            var start = index - n;
            if (start >= 0 && view.SameLine(start, index) && view.IsPhrase(start, cue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An ethnic-minority given-name opener: a token such as "H'Loan" or "K'Brơi" (prefix joined by an
    /// apostrophe, <paramref name="joined"/> true), or "Y", "A", "Ka" followed by a capitalized syllable.
    /// </summary>
    public static bool IsEthnicGivenStart(TokenView view, int index, out bool joined)
    {
        joined = false;
        if (view.Kind(index) != TokenKind.Syllable)
        {
            return false;
        }

        var token = view.Span(index);
        if (!char.IsUpper(token[0]))
        {
            return false;
        }

        var apostrophe = token.IndexOf('\'');
        if (apostrophe > 0)
        {
            if (apostrophe + 1 >= token.Length || !char.IsUpper(token[apostrophe + 1]))
            {
                return false;
            }

            foreach (var prefix in Lexicons.EthnicPrefixes.Candidates(token[0]))
            {
                if (prefix.Length == apostrophe + 1 && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    joined = true;
                    return true;
                }
            }

            return false;
        }

        return Lexicons.EthnicPrefixes.Contains(token) && IsCapWord(view, index + 1) && view.SameLine(index, index + 1)
            && !Lexicons.EthnicPrefixes.Contains(view.Span(index + 1));
    }

    /// <summary>A token where a name can start without a cue: a surname or an ethnic given-name opener.</summary>
    public static bool IsNameStart(TokenView view, int index) =>
        IsCapWord(view, index) && (IsEthnicGivenStart(view, index, out _) || Lexicons.Surnames.LongestAt(view, index) >= index);

    /// <summary>
    /// True when token <paramref name="index"/> opens something that is not part of a name: a title
    /// ("Phó", "Chủ tịch", "Trưởng Ban"), a multi-word organ ("Ban Dân vận", "Đoàn Thanh niên"), a cue.
    /// </summary>
    public static bool StartsNonName(TokenView view, int index)
    {
        if (view.Is(index, "Phó") || view.IsPhrase(index, "đồng chí"))
        {
            return true;
        }

        if (Lexicons.TitleHeads.LongestAt(view, index) >= index)
        {
            return true;
        }

        return Lexicons.Organs.LongestAt(view, index) > index || Lexicons.QualifiedOrgans.LongestAt(view, index) > index;
    }

    /// <summary>
    /// A name of 1–4 capitalized syllables from token <paramref name="index"/>: surname first, or an
    /// ethnic-minority pattern, or (cued) any capitalized syllables. A lower-case common middle name
    /// between capitalized syllables is a slip and belongs to the name ("Đào quang Minh").
    /// </summary>
    public static bool TryName(TokenView view, int index, NameContext context, out int last)
    {
        last = -1;
        if (!IsCapWord(view, index) || StartsNonName(view, index) || Lexicons.Places.LongestAt(view, index) >= index
            || Lexicons.PlaceOpeners.IsEntry(view, index) || IsCueWord(view.Span(index)))
        {
            return false;
        }

        int k;
        var minimum = 2;
        var ethnic = IsEthnicGivenStart(view, index, out var joined);
        if (ethnic)
        {
            k = index + 1;
            minimum = joined && context == NameContext.Cued ? 1 : 2;
        }
        else if (Lexicons.Surnames.LongestAt(view, index) is var surnameEnd and >= 0 && AllCapitalized(view, index, surnameEnd))
        {
            k = surnameEnd + 1;
        }
        else if (context == NameContext.Cued || EndsWithEthnicFamilyName(view, index))
        {
            k = index + 1;
        }
        else
        {
            return false;
        }

        while (k - index < MaxNameSyllables && view.SameLine(index, k))
        {
            if (IsCapWord(view, k))
            {
                if (StartsNonName(view, k) || (k > index + 1 && IsEthnicGivenStart(view, k, out var j) && !j))
                {
                    break;
                }


                k++;
                continue;
            }

            if (!ethnic && view.Kind(k) == TokenKind.Syllable && Lexicons.MiddleNames.Contains(view.Span(k)) && IsCapWord(view, k + 1) && view.SameLine(k, k + 1))
            {
                k++;
                continue;
            }

            break;
        }

        if (k - index < minimum)
        {
            return false;
        }

        last = k - 1;
        return true;
    }

    /// <summary>
    /// Two or three capitalized syllables from <paramref name="index"/> whose last one is an ethnic-minority
    /// family name written last ("Ama Kông Niê", "Ami Byă"): a name though it opens with no known pattern.
    /// </summary>
    private static bool EndsWithEthnicFamilyName(TokenView view, int index)
    {
        for (var k = index + 1; k <= index + 2 && IsCapWord(view, k) && view.SameLine(index, k); k++)
        {
            if (Lexicons.EthnicFamilyNames.IsEntry(view, k) && !(IsCapWord(view, k + 1) && view.SameLine(k, k + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name that ends exactly at token <paramref name="end"/> (the longest one), for "Name, Title".</summary>
    public static bool TryNameEndingAt(TokenView view, int end, out int first)
    {
        first = -1;
        for (var s = Math.Max(0, end - MaxNameSyllables + 1); s <= end; s++)
        {
            if (!view.SameLine(s, end))
            {
                continue;
            }

            var context = FollowsCue(view, s) ? NameContext.Cued : NameContext.Free;
            if (TryName(view, s, context, out var last) && last == end)
            {
                first = s;
                return true;
            }
        }

        return false;
    }

    /// <summary>The name with each syllable's first letter capitalized and single spaces ("Đào quang Minh" → "Đào Quang Minh").</summary>
    public static string CanonicalName(TokenView view, int first, int last)
    {
        var builder = new System.Text.StringBuilder();
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                builder.Append(' ');
            }

            var start = builder.Length;
            builder.Append(view.Span(k));
            builder[start] = CharClass.ToUpperInvariant(builder[start]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// An organization from token <paramref name="index"/>: one or more organs ("Ban Dân vận" "Thị ủy",
    /// "Văn phòng" "UBND"), then "Việt Nam", then a unit and place ("huyện Krông Pắc", "Phường 5") or a
    /// place alone ("Thành ủy Vinh"). <paramref name="complete"/> is true when it names an organization
    /// on its own (its last organ stands alone, or a unit, place or "Việt Nam" qualifies it). Outside a
    /// title (<paramref name="inTitle"/> false) it must start with a capital.
    /// </summary>
    public static bool TryOrganization(TokenView view, int index, bool inTitle, out int last, out bool complete)
    {
        last = -1;
        complete = false;
        var k = index;
        var organs = 0;
        var lastStandalone = false;
        var firstStandalone = false;
        while (organs < MaxOrgans && k < view.Count && view.SameLine(index, k))
        {
            var capital = IsCapWord(view, k) || view.Kind(k) == TokenKind.Abbreviation;
            if (!capital && (organs > 0 || !inTitle))
            {
                break;
            }

            var named = Lexicons.NamedOrgans.LongestAt(view, k);
            if (named >= 0 && capital && ConsumeProperName(view, named + 1) is var nameEnd && nameEnd > named)
            {
                // "Công ty TNHH May Tĩnh Gia": the body with its own name is one organization.
                k = nameEnd + 1;
                organs++;
                lastStandalone = true;
                break;
            }

            var standalone = Lexicons.Organs.LongestAt(view, k);
            var qualified = Lexicons.QualifiedOrgans.LongestAt(view, k);
            if (inTitle)
            {
                qualified = Math.Max(qualified, Lexicons.TitleOnlyOrgans.LongestAt(view, k));
            }

            if (standalone < 0 && qualified < 0)
            {
                break;
            }

            lastStandalone = standalone >= qualified;
            k = Math.Max(standalone, qualified) + 1;
            organs++;
            if (organs == 1)
            {
                firstStandalone = lastStandalone;
            }

            // "Văn phòng HĐND và UBND thị xã" (but "Quốc hội và HĐND tỉnh" are two).
            if (organs == 2 && !firstStandalone && view.Is(k, "và") && view.Kind(k + 1) == TokenKind.Abbreviation && Lexicons.Organs.LongestAt(view, k + 1) > k)
            {
                k++;
            }
        }

        if (organs == 0)
        {
            return false;
        }

        var isQualified = false;
        if (view.IsPhrase(k, "Việt Nam"))
        {
            k += 2;
            isQualified = true;
        }

        var unit = Lexicons.AdminUnits.LongestAt(view, k);
        var knownPlace = Lexicons.LongestExpectedPlaceAt(view, k);
        if (knownPlace >= k && view.SameLine(index, k))
        {
            // "Thành ủy Buôn Ma Thuột": a known place, though "Buôn" is also a unit word.
            k = knownPlace + 1;
            isQualified = true;
        }
        else if (unit >= 0 && view.SameLine(index, k))
        {
            var place = ConsumePlace(view, unit + 1, afterUnit: true);
            var needsPlace = view.Is(k, "số") || view.Is(k, "tổ") || view.Is(k, "Trường");
            if (place > unit)
            {
                k = place + 1;
                isQualified = true;
            }
            else if (!needsPlace)
            {
                k = unit + 1;
                isQualified = true;
            }
        }
        else if (IsCapWord(view, k) && view.SameLine(index, k))
        {
            if (lastStandalone && !IsNameStart(view, k))
            {
                var place = ConsumePlace(view, k, afterUnit: false);
                if (place >= k)
                {
                    k = place + 1;
                    isQualified = true;
                }
            }
        }

        // "UBND các xã", "Ủy ban MTTQ các cấp", "UBND 22 xã": a kind of body, not one organization.
        if (!isQualified && (view.Is(k, "các") || view.Kind(k) == TokenKind.Number))
        {
            return false;
        }

        last = k - 1;
        complete = isQualified || lastStandalone;
        return true;
    }

    /// <summary>
    /// The proper name of a company, cooperative or school from token <paramref name="index"/>: capitalized
    /// words, with up to three lower-case words between them ("Giày da Mỹ Phong", "rau an toàn Đơn Dương").
    /// Returns its last capitalized token, or <paramref name="index"/> - 1.
    /// </summary>
    public static int ConsumeProperName(TokenView view, int index)
    {
        var last = index - 1;
        var lower = 0;
        for (var j = index; j < view.Count && view.SameLine(index, j) && j < index + 10; j++)
        {
            // "Trường THPT Phan Bội Châu và Trường THCS …": the next body starts a new organization.
            if (IsCapWord(view, j) && j > index && (Lexicons.NamedOrgans.LongestAt(view, j) >= j || Lexicons.Organs.LongestAt(view, j) >= j))
            {
                break;
            }

            if (IsCapWord(view, j) && !StartsNonName(view, j) && !IsCueWord(view.Span(j)))
            {
                last = j;
                lower = 0;
            }
            else if (view.Kind(j) == TokenKind.Syllable && ++lower <= 3)
            {
                continue;
            }
            else
            {
                break;
            }
        }

        return last;
    }

    /// <summary>
    /// A place name from token <paramref name="index"/>: a known place, or up to four capitalized syllables
    /// (after a unit word, a number: "Phường 5"); it stops before a person's name, a title or an organ.
    /// Returns the last token of the place, or <paramref name="index"/> - 1 when there is none.
    /// </summary>
    public static int ConsumePlace(TokenView view, int index, bool afterUnit)
    {
        if (index >= view.Count || (index > 0 && !view.SameLine(index - 1, index)))
        {
            return index - 1;
        }

        if (afterUnit && view.Kind(index) == TokenKind.Number)
        {
            return index;
        }

        var known = Lexicons.LongestExpectedPlaceAt(view, index);
        if (known >= index)
        {
            return known;
        }

        var j = index;
        while (j < index + MaxPlaceTokens && view.SameLine(index, j) && IsCapWord(view, j))
        {
            // A name after the unit is the person's ("Chủ tịch HĐND thành phố Nguyễn Hoàng Long"); places named
            // after people are in the places lexicon ("xã Nguyễn Trãi").
            if (StartsNonName(view, j) || IsEthnicGivenStart(view, j, out _) || (IsNameStart(view, j) && IsCapWord(view, j + 1) && view.SameLine(j, j + 1)))
            {
                break;
            }

            j++;
        }

        return j - 1;
    }

    /// <summary>
    /// A title from token <paramref name="index"/>: [Phó] head [Thường trực | TT] [organization], the longest
    /// parse over every head that matches ("Trưởng" + "Ban Dân vận Tỉnh ủy", "Trưởng Ban" + "Thường trực" +
    /// "Ban Chỉ đạo"). <paramref name="strong"/> is true when a complete organization closes it, so it is a
    /// title even with no name next to it.
    /// </summary>
    public static bool TryTitle(TokenView view, int index, out int last, out bool strong) => TryTitle(view, index, allowLowerCase: false, out last, out strong);

    /// <summary>
    /// <see cref="TryTitle(TokenView, int, out int, out bool)"/>, and with <paramref name="allowLowerCase"/> also a
    /// title written in lower case ("ông Hứa Văn Tài, chủ tịch UBND xã"), for the caller to accept only next to a name.
    /// </summary>
    public static bool TryTitle(TokenView view, int index, bool allowLowerCase, out int last, out bool strong)
    {
        last = -1;
        strong = false;
        var first = view.Span(index);
        if (first.IsEmpty || (!allowLowerCase && !char.IsUpper(first[0])) || view.Kind(index) is not (TokenKind.Syllable or TokenKind.Abbreviation))
        {
            return false;
        }

        var k = view.Is(index, "phó") ? index + 1 : index;
        var headToken = view.Span(k);
        if (headToken.IsEmpty || (k > index && !view.SameLine(index, k)))
        {
            return false;
        }

        foreach (var head in Lexicons.TitleHeads.Candidates(headToken[0]))
        {
            var headEnd = PhraseSet.Match(view, k, head);
            if (headEnd < 0)
            {
                continue;
            }

            var m = headEnd + 1;
            if (view.IsPhrase(m, "Thường trực"))
            {
                m += 2;
            }
            else if (view.Span(m) is "TT" && view.SameLine(headEnd, m))
            {
                m++;
            }

            var end = m - 1;
            var isStrong = false;
            if (view.SameLine(index, m) && TryOrganization(view, m, inTitle: true, out var organizationEnd, out var complete))
            {
                end = organizationEnd;
                isStrong = complete;
            }
            else if (Lexicons.AdminUnits.Contains(LastWord(head)))
            {
                // "Trưởng thôn Đạ Nghịch".
                end = Math.Max(end, ConsumePlace(view, m, afterUnit: true));
            }
            else if (Lexicons.AdminUnits.LongestAt(view, m) is var unit and >= 0 && view.SameLine(index, m) && ConsumePlace(view, unit + 1, afterUnit: true) is var place && place > unit)
            {
                // "Chi hội trưởng phụ nữ làng Dơ Nâu".
                end = place;
            }

            if (end > last || (end == last && isStrong && !strong))
            {
                last = end;
                strong = isStrong;
            }
        }

        return last >= 0;
    }

    private static ReadOnlySpan<char> LastWord(string phrase)
    {
        var space = phrase.LastIndexOf(' ');
        return space < 0 ? phrase : phrase.AsSpan(space + 1);
    }

    private static bool AllCapitalized(TokenView view, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (!IsCapWord(view, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tokens inside mentions found by earlier stages.</summary>
    internal static bool[] TakenTokens(TokenView view, IReadOnlyList<EntityMention> found)
    {
        var taken = new bool[view.Count];
        foreach (var mention in found)
        {
            for (var k = view.IndexAt(mention.Span.Start); k < view.Count && view[k].Start < mention.Span.End; k++)
            {
                taken[k] = true;
            }
        }

        return taken;
    }

    internal static bool IsTaken(bool[] taken, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (taken[k])
            {
                return true;
            }
        }

        return false;
    }
}
