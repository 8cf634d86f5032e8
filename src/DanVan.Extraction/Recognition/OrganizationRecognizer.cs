using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Organizations standing on their own (organizers, attendees, award givers): "Ban Dân vận Thị ủy",
/// "UB MTTQ thị xã", "Hội Liên hiệp Phụ nữ thị xã", "Ủy ban MTTQ Việt Nam tỉnh", "Đảng bộ tỉnh",
/// "Thường trực Thị ủy". The organ inside a title is part of the title, not an organization. The expanded
/// form spells out abbreviations ("Ủy ban Mặt trận Tổ quốc thị xã").
/// </summary>
internal sealed class OrganizationRecognizer : IEntityRecognizer
{
    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Organization];

    // "đại biểu Quốc hội" is a role, "các cấp Mặt trận huyện" every level of a body: not one organization.
    private static readonly string[] GenericBefore = ["đại biểu", "các cấp", "các", "những"];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var taken = EntityGrammar.TakenTokens(view, found);
        for (var i = 0; i < view.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (taken[i] || view.IsChrome(i) || !(EntityGrammar.IsCapWord(view, i) || view.Kind(i) == TokenKind.Abbreviation))
            {
                continue;
            }

            if (!EntityGrammar.TryOrganization(view, i, inTitle: false, out var last, out var complete) || !complete || EntityGrammar.IsTaken(taken, i, last)
                || IsGeneric(view, i))
            {
                continue;
            }

            var span = view.Cover(i, last);
            output.Add(new OrganizationMention(span, view.TextOf(span), Lexicons.Abbreviations.Expand(view, i, last)));
            i = last;
        }
    }

    /// <summary>True after "đại biểu", "các cấp", "các", "những": a role or every level of a body, not one organization.</summary>
    internal static bool IsGeneric(TokenView view, int index)
    {
        foreach (var words in GenericBefore)
        {
            var n = TokenView.WordCount(words);
            if (index - n >= 0 && view.SameLine(index - n, index) && view.IsPhrase(index - n, words))
            {
                return true;
            }
        }

        return false;
    }
}
