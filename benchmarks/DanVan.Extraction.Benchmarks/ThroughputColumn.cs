using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DanVan.Extraction.Benchmarks;

/// <summary>A summary column: units processed per second (characters, syllables), from the mean time of one operation.</summary>
public sealed class ThroughputColumn(string name, Func<BenchmarkCase, double?> unitsPerOperation) : IColumn
{
    public string Id => nameof(ThroughputColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name}: units processed per second (units in one operation / mean time)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var units = unitsPerOperation(benchmarkCase);
        if (report?.ResultStatistics is not { } stats || units is null)
        {
            return "-";
        }

        var perSecond = units.Value / (stats.Mean / 1e9);
        return perSecond >= 1e6 ? $"{perSecond / 1e6:F1} M/s" : perSecond >= 1e3 ? $"{perSecond / 1e3:F1} k/s" : $"{perSecond:F1} /s";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
