namespace DanVan.Extraction.Tests.Cli;

/// <summary><c>danvan eval entities|records --csv</c> on a one-article corpus whose gold disagrees with the text on purpose.</summary>
public class EvalCommandTests
{
    // The gold header says "tổng kết" and names a speaker the text does not report; the inline gold omits the figure.
    private const string Article = """
        ---
        id: 901
        split: dev
        published: 2023-09-21
        level: thành phố
        place: Pleiku
        kind: tổng kết
        organizer: Ban Dân vận Thành ủy Pleiku
        date: 2023-09-20
        reviewed: 2023-07-01..2023-09-30
        planned: 2023-10-01..2023-12-31
        chair: Lê Văn An
        speaker: Lê Văn An | kết luận
        speaker: Trần Thị Bích | báo cáo
        ---
        Ban Dân vận Thành ủy Pleiku giao ban quý III

        [[date:Sáng 20/9|value=2023-09-20|part=morning]], [[org:Ban Dân vận Thành ủy Pleiku|expanded=Ban Dân vận Thành ủy Pleiku]] tổ chức hội nghị giao ban công tác dân vận [[period:quý III/2023|start=2023-07-01|end=2023-09-30]], triển khai nhiệm vụ [[period:quý IV/2023|start=2023-10-01|end=2023-12-31]]. Đồng chí [[person:Lê Văn An|name=Lê Văn An]], [[title:Trưởng Ban Dân vận Thành ủy|expanded=Trưởng Ban Dân vận Thành ủy|person=Lê Văn An]] chủ trì hội nghị. Trong quý, các cơ sở đã vận động 120 hộ dân hiến đất làm đường.

        Phát biểu kết luận hội nghị, đồng chí [[person:Lê Văn An|name=Lê Văn An]] đề nghị các cơ sở tiếp tục làm tốt công tác dân vận.
        """;

    [Fact]
    public void Records_csv_lists_every_disagreement_with_its_field()
    {
        using var dir = new TempDirectory();
        dir.Write("articles/901.txt", Article);
        var csv = dir.File("records.csv");
        var result = CliRunner.Run(null, "eval", "records", dir.File("articles"), "--csv", csv);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kind", result.StdOut, StringComparison.Ordinal);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("article,split,field,error,gold,predicted", lines[0]);
        Assert.Contains("901,dev,kind,wrong,tổng kết,giao ban", lines);
        Assert.Contains("901,dev,speaker,missed,Trần Thị Bích|báo cáo,", lines);
        Assert.DoesNotContain(lines, l => l.Contains(",organizer,", StringComparison.Ordinal) || l.Contains(",date,", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_csv_reports_a_prediction_missing_from_the_gold_as_spurious()
    {
        using var dir = new TempDirectory();
        dir.Write("articles/901.txt", Article);
        var csv = dir.File("entities.csv");
        var result = CliRunner.Run(null, "eval", "entities", dir.File("articles"), "--csv", csv);
        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("article,split,type,error,start,end,goldText,predictedText,goldValue,predictedValue", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("901,dev,figure,spurious,", StringComparison.Ordinal) && l.Contains("120 hộ", StringComparison.Ordinal));
    }
}
