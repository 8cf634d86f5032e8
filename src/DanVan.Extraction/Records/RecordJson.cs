using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Extraction.Records;

/// <summary>JSON output of records: camelCase, enums as their Vietnamese names, Vietnamese text unescaped.</summary>
public static class RecordJson
{
    private static readonly RecordJsonContext IndentedContext = new(Create(true));
    private static readonly RecordJsonContext CompactContext = new(Create(false));

    /// <summary>The record as JSON; <paramref name="indented"/> for one record a file, compact for JSON Lines.</summary>
    public static string Serialize(MeetingRecord record, bool indented = true) =>
        JsonSerializer.Serialize(record, indented ? IndentedContext.MeetingRecord : CompactContext.MeetingRecord);

    /// <summary>The name a meeting kind has in the output ("giao ban", "sơ kết", … "other").</summary>
    public static string KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.GiaoBan => "giao ban",
        MeetingKind.SoKet => "sơ kết",
        MeetingKind.TongKet => "tổng kết",
        MeetingKind.TrienKhai => "triển khai",
        MeetingKind.DoiThoai => "đối thoại",
        MeetingKind.ChuyenDe => "chuyên đề",
        _ => "other",
    };

    /// <summary>The name a speaker role has in the output ("báo cáo", "phát biểu", …).</summary>
    public static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.BaoCao => "báo cáo",
        SpeakerRole.ChiDao => "chỉ đạo",
        SpeakerRole.KetLuan => "kết luận",
        SpeakerRole.ThamLuan => "tham luận",
        _ => "phát biểu",
    };

    /// <summary>The name a section label has in the output.</summary>
    public static string SectionName(SectionLabel label) => label switch
    {
        SectionLabel.Results => "results",
        SectionLabel.Shortcomings => "shortcomings",
        SectionLabel.Directions => "directions",
        _ => "other",
    };

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Converters = { new NameConverter<MeetingKind>(KindName), new NameConverter<SpeakerRole>(RoleName), new NameConverter<SectionLabel>(SectionName) },
        };
        return options;
    }

    /// <summary>Writes an enum as the name the output uses; reading is not supported.</summary>
    private sealed class NameConverter<T>(Func<T, string> name) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            foreach (var value in Enum.GetValues<T>())
            {
                if (name(value) == text)
                {
                    return value;
                }
            }

            throw new JsonException($"'{text}' is not a {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(name(value));
    }
}

/// <summary>Source-generated serialization metadata for <see cref="MeetingRecord"/>.</summary>
[JsonSerializable(typeof(MeetingRecord))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
