using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Learning;

/// <summary>
/// Feature hashing: a feature is a template number and one to four 32-bit values (token ids, shapes,
/// lexicon lengths); it becomes a bucket of a flat weight array without any string or dictionary.
/// Multiply-xor mixing over 64 bits, bucket = top bits. Fixed constants, so a trained model keeps
/// its meaning across processes and machines.
/// </summary>
internal static class FeatureHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private const ulong Seed = 0xCBF29CE484222325UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Start(uint template) => (Seed ^ template) * Multiplier;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, uint value) => (hash ^ value ^ (hash >> 29)) * Multiplier;

    /// <summary>The top bits of the last multiplication are the best mixed: they are the bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong hash, int bits) => (int)(hash >> (64 - bits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(uint template, uint a, int bits) => Bucket(Add(Start(template), a), bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(uint template, uint a, uint b, int bits) => Bucket(Add(Add(Start(template), a), b), bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(uint template, uint a, uint b, uint c, int bits) => Bucket(Add(Add(Add(Start(template), a), b), c), bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(uint template, uint a, uint b, uint c, uint d, int bits) => Bucket(Add(Add(Add(Add(Start(template), a), b), c), d), bits);
}
