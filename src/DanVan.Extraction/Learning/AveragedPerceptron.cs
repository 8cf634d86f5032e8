namespace DanVan.Extraction.Learning;

/// <summary>
/// The weights of an averaged perceptron during training: one flat array of parameters addressed by
/// index (hashed feature buckets, times a label count for a multi-class model, plus any dense
/// parameters such as tag transitions). Averaging uses the usual lazy trick: besides each weight
/// it keeps the sum of step × delta, so the average is <c>w − sum / steps</c> at the end and an
/// update costs O(1). Not thread-safe (training is sequential by design, for reproducibility).
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly float[] _weights;
    private readonly double[] _stepWeighted;
    private long _step = 1;

    public AveragedPerceptron(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _weights = new float[size];
        _stepWeighted = new double[size];
    }

    /// <summary>Number of parameters.</summary>
    public int Size => _weights.Length;

    /// <summary>The current (not averaged) weights, for scoring while training.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The sum of the current weights at <paramref name="indices"/> (negative indices are absent features).</summary>
    public float Score(ReadOnlySpan<int> indices)
    {
        var w = _weights;
        var sum = 0f;
        foreach (var i in indices)
        {
            if (i >= 0)
            {
                sum += w[i];
            }
        }

        return sum;
    }

    /// <summary>Adds <paramref name="delta"/> to one parameter.</summary>
    public void Update(int index, float delta)
    {
        _weights[index] += delta;
        _stepWeighted[index] += _step * (double)delta;
    }

    /// <summary>Adds <paramref name="delta"/> to every parameter in <paramref name="indices"/> (repeats count twice, negative indices are skipped).</summary>
    public void Update(ReadOnlySpan<int> indices, float delta)
    {
        foreach (var i in indices)
        {
            if (i >= 0)
            {
                Update(i, delta);
            }
        }
    }

    /// <summary>Marks the end of one training example (the unit the average is taken over).</summary>
    public void NextExample() => _step++;

    /// <summary>The averaged weights: each weight's mean over all examples seen so far.</summary>
    public float[] Averaged()
    {
        var result = new float[_weights.Length];
        var steps = (double)_step;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)(_weights[i] - (_stepWeighted[i] / steps));
        }

        return result;
    }
}
