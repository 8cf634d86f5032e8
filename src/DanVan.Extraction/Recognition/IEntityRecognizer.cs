namespace DanVan.Extraction.Recognition;

/// <summary>A recognizer stage: finds mentions of the types it produces in a prepared text.</summary>
internal interface IEntityRecognizer
{
    /// <summary>The entity types this recognizer produces.</summary>
    IReadOnlyList<EntityType> Produces { get; }

    /// <summary>
    /// Adds the mentions found in <paramref name="view"/> to <paramref name="output"/> (spans in the view's
    /// text). <paramref name="found"/> holds what earlier recognizers found, so later ones can avoid overlaps.
    /// </summary>
    void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken);
}
