using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>Which recognizer decides the person, organization and title spans.</summary>
internal enum TaggerMode
{
    /// <summary>The rules alone; the tagger does not run.</summary>
    RulesOnly,

    /// <summary>The tagger alone decides the spans (it still reads the rule proposals as features).</summary>
    TaggerOnly,

    /// <summary>The rules' spans, revised by the tagger as <see cref="TaggerCombination"/> says.</summary>
    Combined,
}

/// <summary>How the tagger's spans and the rules' spans combine (chosen on the dev split).</summary>
internal sealed record TaggerCombination
{
    public TaggerMode Mode { get; init; } = TaggerMode.Combined;

    /// <summary>Add a tagger span that overlaps no mention the rules found.</summary>
    public bool AddMissed { get; init; } = true;

    /// <summary>Where a tagger span and one rule span of the same type overlap with other boundaries, take the tagger's.</summary>
    public bool TaggerBoundaries { get; init; }

    /// <summary>Drop a rule span the tagger labels entirely O.</summary>
    public bool DropRejected { get; init; }

    /// <summary>
    /// The least confidence of a tagger span that changes the rules' output: how much better the tagger's
    /// path scores with the span than with O over its tokens (<see cref="EntityTagFeatures.SpanMargin"/>).
    /// </summary>
    public float MinMargin { get; init; }

    /// <summary>Give the tagger the rules' mentions as features (false: hidden, as in training's dropout; to measure what it learned from the words alone).</summary>
    public bool RuleProposals { get; init; } = true;

    /// <summary>Keep only tagger spans the grammar finds plausible (a name of capitalized syllables, an organization or title opening with a capital).</summary>
    public bool Veto { get; init; } = true;

    public static TaggerCombination RulesOnly { get; } = new() { Mode = TaggerMode.RulesOnly };

    public static TaggerCombination TaggerOnly { get; } = new() { Mode = TaggerMode.TaggerOnly };
}

/// <summary>
/// The learned stage of <see cref="EntityRecognizer"/>: runs the entity tagger over the text with the rule
/// mentions as proposals, then revises the person, organization and title mentions as the combination
/// says. Values of the spans it chooses (canonical names, expanded titles and organizations, the person a
/// title belongs to) come from the same rule code as the rules' own mentions.
/// </summary>
internal sealed class EntityTaggerStage(EntityTaggerModel model, TaggerCombination combination)
{
    [ThreadStatic]
    private static EntityTagBuffers? t_buffers;

    public EntityTaggerModel Model { get; } = model;

    public TaggerCombination Combination { get; } = combination;

    /// <summary>Revises <paramref name="found"/> (every stage's mentions, spans in the view's text) in place.</summary>
    public void Revise(TokenView view, List<EntityMention> found, CancellationToken cancellationToken)
    {
        if (Combination.Mode == TaggerMode.RulesOnly || view.Count == 0)
        {
            return;
        }

        var b = t_buffers ?? new EntityTagBuffers();
        t_buffers = null;
        EntityTagFeatures.Prepare(view, b);
        if (Combination.RuleProposals)
        {
            EntityTagFeatures.RuleTags(view, found, b.Rules.AsSpan(0, view.Count));
        }
        else
        {
            b.Rules.AsSpan(0, view.Count).Fill(EntityTagFeatures.RuleHidden);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Model.Run(b, cancellationToken);
        if (Combination.Mode == TaggerMode.TaggerOnly)
        {
            ReplaceAll(view, b, found);
        }
        else
        {
            Combine(view, b, found);
        }

        if (!b.IsOversized)
        {
            t_buffers = b;
        }
    }

    private static void ReplaceAll(TokenView view, EntityTagBuffers b, List<EntityMention> found)
    {
        found.RemoveAll(m => EntityTagFeatures.BeginOf(m.Type) != EntityTagFeatures.O);
        var others = Covered(view, found);
        var added = new List<EntityMention>();
        var spans = Spans(b);

        // Persons first, so that a title can name the person next to it.
        foreach (var titles in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var (first, last, label) in spans)
            {
                if ((EntityTagFeatures.TypeOf(label) == EntityType.Title) == titles && !Any(others, first, last))
                {
                    added.Add(Mention(view, EntityTagFeatures.TypeOf(label), first, last, found, added));
                }
            }
        }

        found.AddRange(added);
    }

    private void Combine(TokenView view, EntityTagBuffers b, List<EntityMention> found)
    {
        var covered = Covered(view, found);
        var replaced = new List<(EntityMention Old, EntityMention New)>();
        var added = new List<EntityMention>();
        foreach (var (first, last, label) in Spans(b))
        {
            var type = EntityTagFeatures.TypeOf(label);
            if (!Any(covered, first, last))
            {
                if (Combination.AddMissed && Confident(b, first) && Plausible(view, type, first, last))
                {
                    added.Add(Mention(view, type, first, last, found, added));
                }

                continue;
            }

            if (!Combination.TaggerBoundaries)
            {
                continue;
            }

            var span = view.Cover(first, last);
            EntityMention? single = null;
            var count = 0;
            foreach (var m in found)
            {
                if (m.Span.Start < span.End && span.Start < m.Span.End)
                {
                    count++;
                    single = m;
                }
            }

            if (count == 1 && single!.Type == type && single.Span != span && Confident(b, first) && Plausible(view, type, first, last))
            {
                replaced.Add((single, Mention(view, type, first, last, found, added)));
            }
        }

        foreach (var (old, replacement) in replaced)
        {
            found[found.IndexOf(old)] = replacement;
        }

        if (Combination.DropRejected)
        {
            found.RemoveAll(m => EntityTagFeatures.BeginOf(m.Type) != EntityTagFeatures.O && AllOutside(view, b, m.Span));
        }

        found.AddRange(added);
        AttachAddedPersons(view, found, added);
    }

    /// <summary>
    /// A title the rules found without its person ("Giáp Thị Hoa, Phó Chủ tịch …" when the rules did not know
    /// the name) belongs to a person the tagger added next to it, as the rules attach a title to an adjacent name.
    /// </summary>
    private static void AttachAddedPersons(TokenView view, List<EntityMention> found, List<EntityMention> added)
    {
        if (!added.Exists(m => m is PersonMention))
        {
            return;
        }

        for (var k = 0; k < found.Count; k++)
        {
            if (found[k] is TitleMention { Person: null } title && !added.Contains(title))
            {
                var first = view.IndexAt(title.Span.Start);
                var last = view.IndexAt(title.Span.End - 1);
                if (AdjacentPerson(view, first, last, added) is { } person)
                {
                    found[k] = title with { Person = person };
                }
            }
        }
    }

    /// <summary>The name of a person mention right after the title's tokens, or right before them past a separator.</summary>
    private static string? AdjacentPerson(TokenView view, int first, int last, List<EntityMention> mentions)
    {
        var after = last + 1 < view.Count && view.SameLine(last, last + 1) ? view[last + 1].Start : -1;
        var beforeEnd = first >= 2 && view.SameLine(first - 2, first) && EntityGrammar.IsSeparator(view, first - 1) ? view[first - 2].End : -1;
        foreach (var m in mentions)
        {
            if (m is PersonMention p && (p.Span.Start == after || p.Span.End == beforeEnd))
            {
                return p.Name;
            }
        }

        return null;
    }

    /// <summary>The span's margin over O (<see cref="EntityTagFeatures.SpanMargin"/>) against <see cref="TaggerCombination.MinMargin"/>.</summary>
    private bool Confident(EntityTagBuffers b, int first) => b.Margin[first] >= Combination.MinMargin;

    private bool Plausible(TokenView view, EntityType type, int first, int last)
    {
        if (!Combination.Veto)
        {
            return true;
        }

        for (var k = first; k <= last; k++)
        {
            if (view.IsChrome(k))
            {
                return false;
            }
        }

        switch (type)
        {
            case EntityType.Person:
                // As in the rules: capitalized syllables after a place word name the place ("huyện Đức Cơ"), and
                // after another capitalized word, without a cue, they continue a name that is not a person's ("Tết Đinh Dậu").
                if (last - first + 1 > EntityGrammar.MaxNameSyllables || EntityGrammar.StartsNonName(view, first) || PersonRecognizer.FollowsPlaceWord(view, first)
                    || Lexicons.Places.LongestAt(view, first) >= first
                    || (view.SameLine(first - 1, first) && EntityGrammar.IsCapWord(view, first - 1) && !EntityGrammar.FollowsCue(view, first)))
                {
                    return false;
                }

                for (var k = first; k <= last; k++)
                {
                    if (!EntityGrammar.IsCapWord(view, k) && !(k > first && k < last && Lexicons.MiddleNames.Contains(view.Span(k))))
                    {
                        return false;
                    }
                }

                return true;
            case EntityType.Organization:
                return !Generic(view, first, last) && (EntityGrammar.IsCapWord(view, first) || view.Kind(first) == TokenKind.Abbreviation)
                    && (EntityGrammar.IsCapWord(view, last) || view.Kind(last) is TokenKind.Abbreviation or TokenKind.Syllable or TokenKind.Number);
            default:
                return !Generic(view, first, last) && (EntityGrammar.IsCapWord(view, first) || view.Kind(first) == TokenKind.Abbreviation) && view.Kind(last) is not TokenKind.Punctuation;
        }
    }

    /// <summary>
    /// A body named for every level or place at once ("Ban Chỉ đạo các huyện", "Ủy ban MTTQ các cấp",
    /// "các Hội LHPN"): not one organization, and not one title's organ.
    /// </summary>
    private static bool Generic(TokenView view, int first, int last) =>
        OrganizationRecognizer.IsGeneric(view, first) || (view.SameLine(last, last + 1) && (view.Is(last + 1, "các") || view.Is(last + 1, "những")));

    private static bool AllOutside(TokenView view, EntityTagBuffers b, TextSpan span)
    {
        for (var k = view.IndexAt(span.Start); k < view.Count && view[k].Start < span.End; k++)
        {
            if (b.Labels[k] != EntityTagFeatures.O)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tagger's spans: a B and the I labels after it.</summary>
    private static List<(int First, int Last, byte Label)> Spans(EntityTagBuffers b)
    {
        var spans = new List<(int, int, byte)>();
        var labels = b.Labels;
        for (var i = 0; i < b.Count; i++)
        {
            var label = labels[i];
            if (!EntityTagFeatures.IsBegin(label))
            {
                continue;
            }

            var last = i;
            while (last + 1 < b.Count && labels[last + 1] == label + 1 && b.Line[last + 1] == b.Line[i])
            {
                last++;
            }

            spans.Add((i, last, label));
            i = last;
        }

        return spans;
    }

    private static bool[] Covered(TokenView view, IReadOnlyList<EntityMention> found) => view.CoveredBy(found);

    private static bool Any(bool[] covered, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (covered[k])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A mention of <paramref name="type"/> over the tokens, with its value from the rule code.</summary>
    private static EntityMention Mention(TokenView view, EntityType type, int first, int last, List<EntityMention> found, List<EntityMention> added)
    {
        var span = view.Cover(first, last);
        var text = view.TextOf(span);
        switch (type)
        {
            case EntityType.Person:
                return new PersonMention(span, text, EntityGrammar.CanonicalName(view, first, last));
            case EntityType.Organization:
                return new OrganizationMention(span, text, Lexicons.Abbreviations.Expand(view, first, last));
            default:
                return new TitleMention(span, text, Lexicons.Abbreviations.Expand(view, first, last), HolderOf(view, first, last, found, added));
        }
    }

    /// <summary>The person a title found by the tagger belongs to: a person mention right after it or before it (past a separator).</summary>
    private static string? HolderOf(TokenView view, int first, int last, List<EntityMention> found, List<EntityMention> added)
    {
        if ((AdjacentPerson(view, first, last, found) ?? AdjacentPerson(view, first, last, added)) is { } person)
        {
            return person;
        }

        if (view.SameLine(last, last + 1) && EntityGrammar.TryName(view, last + 1, NameContext.Cued, out var nameLast))
        {
            return EntityGrammar.CanonicalName(view, last + 1, nameLast);
        }

        return TitleRecognizer.NameBefore(view, first) is var (nameFirst, nameEnd) && nameFirst >= 0 ? EntityGrammar.CanonicalName(view, nameFirst, nameEnd) : null;
    }
}
