using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Finds persons, titles, organizations, dates, periods, figures and campaigns in Vietnamese text. The
/// text is normalized first (<see cref="TextNormalizer"/>); every mention's <see cref="EntityMention.Span"/>
/// and <see cref="EntityMention.Text"/> refer to the ORIGINAL text passed in, while normalized values
/// (<see cref="PersonMention.Name"/>, <see cref="TitleMention.Expanded"/>, <see cref="TitleMention.Person"/>,
/// <see cref="OrganizationMention.Expanded"/>) are read from the normalized text: new-style tone marks, "Đ"
/// for "Ð", straight apostrophes ("H’Loan" is named "H'Loan"). Immutable and thread-safe: create once
/// (or use <see cref="Default"/>) and share.
/// </summary>
public sealed class EntityRecognizer
{
    /// <summary>
    /// How <see cref="Default"/> combines the tagger with the rules: the rules' spans stand, and the tagger adds
    /// spans the rules missed when the rules' grammar finds them plausible and the tagger is confident. Chosen
    /// on the dev split and, since the rules are perfect there, on held-out folds of the train split (see
    /// models/tagger/README.md): taking the tagger's boundaries, or its spans without the veto, made both worse.
    /// </summary>
    internal static TaggerCombination DefaultCombination { get; } = new() { MinMargin = 10f };

    private static readonly Lazy<EntityRecognizer> DefaultLazy = new(() => Create(EntityTaggerModel.Embedded, DefaultCombination));

    private readonly IEntityRecognizer[] _stages;
    private readonly EntityTaggerStage? _tagger;
    private readonly TextNormalizer _normalizer;

    private EntityRecognizer(TextNormalizer normalizer, IEntityRecognizer[] stages, EntityTaggerStage? tagger)
    {
        _normalizer = normalizer;
        _stages = stages;
        _tagger = tagger;
    }

    /// <summary>
    /// The recognizer with the built-in rules, lexicons and the trained entity tagger (loaded once, on first use).
    /// </summary>
    public static EntityRecognizer Default => DefaultLazy.Value;

    /// <summary>The built-in rules and lexicons alone, without the tagger.</summary>
    internal static EntityRecognizer RulesOnly { get; } = new(TextNormalizer.Default, RuleStages(), null);

    /// <summary>The rules with <paramref name="model"/> as the learned stage, combined as <paramref name="combination"/> says.</summary>
    internal static EntityRecognizer Create(EntityTaggerModel model, TaggerCombination combination) =>
        new(TextNormalizer.Default, RuleStages(), combination.Mode == TaggerMode.RulesOnly ? null : new EntityTaggerStage(model, combination));

    // Order matters: a stage skips what earlier ones found. Campaign names hide the names inside them
    // ("… phong cách Hồ Chí Minh"); titles come before persons (a name is found next to its title) and
    // persons before organizations (an organ inside a title is not an organization).
    private static IEntityRecognizer[] RuleStages() =>
    [
        new DateRecognizer(), new PeriodRecognizer(), new CampaignRecognizer(),
        new TitleRecognizer(), new PersonRecognizer(), new OrganizationRecognizer(),
        new FigureRecognizer(),
    ];

    /// <summary>The entity types this recognizer produces.</summary>
    public IReadOnlyList<EntityType> Produces => [.. _stages.SelectMany(s => s.Produces).Distinct()];

    /// <summary>
    /// Finds the mentions in <paramref name="text"/>, in text order. <paramref name="published"/> is the
    /// publication date: dates and periods written without a year take theirs from it.
    /// </summary>
    public IReadOnlyList<EntityMention> Recognize(string text, DateOnly? published = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = _normalizer.Normalize(text, cancellationToken);
        var found = RecognizeNormalized(normalized.Text, published, cancellationToken);
        var result = new List<EntityMention>(found.Count);
        foreach (var mention in found)
        {
            var span = normalized.ToOriginal(mention.Span);
            result.Add(mention.WithSpan(span, text.Substring(span.Start, span.Length)));
        }

        return result;
    }

    internal List<EntityMention> RecognizeNormalized(string normalizedText, DateOnly? published, CancellationToken cancellationToken) =>
        Recognize(new TokenView(normalizedText, published), cancellationToken);

    /// <summary>Mentions in a prepared view, spans in the view's (normalized) text, in text order.</summary>
    internal List<EntityMention> Recognize(TokenView view, CancellationToken cancellationToken)
    {
        var found = new List<EntityMention>();
        var output = new List<EntityMention>();
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Clear();
            stage.Recognize(view, found, output, cancellationToken);
            found.AddRange(output);
        }

        _tagger?.Revise(view, found, cancellationToken);

        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Type.CompareTo(b.Type));
        return found;
    }
}
