using System.Globalization;
using DanVan.Extraction.Recognition;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Records;

/// <summary>
/// Builds a <see cref="MeetingRecord"/> from one article's text: recognizes the entities, then reads the
/// meeting fields from the title and the lead (kind, organizer, date, reviewed and planned periods), chairs
/// and attendees from their cue sentences, speakers from role verbs, awards from commendation sentences,
/// and labels every sentence. Rules work on the normalized text; every span is mapped back to the input.
/// </summary>
internal sealed class MeetingRecordBuilder(TextNormalizer normalizer, EntityRecognizer recognizer)
{
    private static readonly (string Cue, MeetingKind Kind)[] KindCues =
    [
        ("giao ban", MeetingKind.GiaoBan), ("sơ kết", MeetingKind.SoKet), ("tổng kết", MeetingKind.TongKet),
        ("đối thoại", MeetingKind.DoiThoai), ("tiếp xúc", MeetingKind.DoiThoai), ("chuyên đề", MeetingKind.ChuyenDe),
        ("biểu dương", MeetingKind.ChuyenDe), ("tuyên dương", MeetingKind.ChuyenDe), ("kỷ niệm", MeetingKind.ChuyenDe),
        ("tôn vinh", MeetingKind.ChuyenDe), ("triển khai", MeetingKind.TrienKhai),
    ];

    // Role cues, most specific first: "phát biểu chỉ đạo" is chỉ đạo, not phát biểu.
    private static readonly (string Cue, SpeakerRole Role)[] RoleCues =
    [
        ("phát biểu chỉ đạo", SpeakerRole.ChiDao), ("chỉ đạo", SpeakerRole.ChiDao), ("kết luận", SpeakerRole.KetLuan),
        ("tham luận", SpeakerRole.ThamLuan), ("báo cáo", SpeakerRole.BaoCao), ("trình bày", SpeakerRole.BaoCao),
        ("phát biểu", SpeakerRole.PhatBieu),
    ];

    // Used only when a sentence has none of the role cues above: what citizens and officials do in a dialogue.
    private static readonly (string Cue, SpeakerRole Role)[] WeakRoleCues =
    [
        ("thông tin", SpeakerRole.PhatBieu), ("cho biết", SpeakerRole.PhatBieu), ("đề xuất", SpeakerRole.PhatBieu), ("đề nghị", SpeakerRole.PhatBieu), ("kiến nghị", SpeakerRole.PhatBieu),
        ("phản ánh", SpeakerRole.PhatBieu), ("chia sẻ", SpeakerRole.PhatBieu), ("trả lời", SpeakerRole.PhatBieu),
        ("giải đáp", SpeakerRole.PhatBieu), ("nêu ý kiến", SpeakerRole.PhatBieu), ("điểm lại", SpeakerRole.PhatBieu),
    ];

    // What a contributor does after the paragraph has announced contributions ("Ông X kể lại việc …").
    private static readonly (string Cue, SpeakerRole Role)[] ContributionCues =
    [
        ("kể lại", SpeakerRole.ThamLuan), ("kể về", SpeakerRole.ThamLuan), ("giới thiệu", SpeakerRole.ThamLuan), ("nêu", SpeakerRole.ThamLuan),
    ];

    private static readonly (string Cue, SpeakerRole Role)[] WeakAndContributionCues = [.. WeakRoleCues, .. ContributionCues];

    // Most specific first: "khen thưởng" is what the text says when it names no award.
    private static readonly string[] AwardNames = ["bằng khen", "giấy khen", "cờ thi đua", "kỷ niệm chương", "khen thưởng"];

    private static readonly string[] Honorifics = ["đồng chí", "ông", "bà", "chị", "anh"];

    // A dialogue, a launch or an unclassified meeting names a year to label the event ("đối thoại … năm 2019"),
    // not a period it reviews, unless the sentence speaks of reviewing.
    private static readonly string[] ReviewCues = ["kết quả", "sơ kết", "tổng kết", "đánh giá", "nhìn lại", "giao ban"];
    private static readonly string[] MeetingNouns = ["hội nghị", "buổi", "cuộc họp", "phiên", "hội thảo", "tọa đàm", "lễ"];
    private static readonly string[] NonMeetingEvents = ["ngày hội", "lễ hội", "hội thi", "hội diễn", "giải bóng", "liên hoan"];
    private static readonly string[] PlannedCues = ["triển khai", "phương hướng", "nhiệm vụ", "kế hoạch", "chương trình công tác"];
    private static readonly string[] AttendanceCues = ["dự hội nghị", "tới dự", "tham dự", "đến dự", "dự buổi", "dự và chỉ đạo"];
    private static readonly string[] ShortcomingCues = ["tồn tại", "hạn chế", "khó khăn", "bất cập", "chưa cao", "chưa đạt", "chưa được", "còn chậm", "yếu kém"];
    private static readonly string[] DirectionCues = ["thời gian tới", "đề nghị", "nhiệm vụ trọng tâm", "phương hướng", "yêu cầu", "cần tập trung", "cần tiếp tục", "tiếp tục", "kết luận hội nghị", "trong năm", "giải pháp"];
    private static readonly string[] ResultCues = ["kết quả", "đạt được", "đã tổ chức", "đã vận động", "đã trao", "được quan tâm", "hoàn thành", "đạt"];
    private static readonly (string Word, string Level)[] LevelWords =
    [
        ("thành phố", "thành phố"), ("thị xã", "thị xã"), ("thị trấn", "thị trấn"), ("tỉnh", "tỉnh"), ("huyện", "huyện"),
        ("phường", "phường"), ("xã", "xã"), ("tỉnh ủy", "tỉnh"), ("thành ủy", "thành phố"), ("thị ủy", "thị xã"),
        ("huyện ủy", "huyện"), ("tỉnh đoàn", "tỉnh"), ("thành đoàn", "thành phố"), ("thị đoàn", "thị xã"), ("huyện đoàn", "huyện"),
    ];

    public MeetingRecord Build(string text, RecordSource source, DateOnly? published, CancellationToken cancellationToken)
    {
        var normalized = normalizer.Normalize(text, cancellationToken);
        var view = new TokenView(normalized.Text, published);
        var mentions = recognizer.Recognize(view, cancellationToken);
        var context = new Context(text, normalized, view, mentions);

        var sentences = context.ContentSentences();
        var title = sentences.Count > 0 ? sentences[0] : default;
        var lead = FindLead(context, sentences);

        var kind = ReadKind(context, lead, title, out var kindText);
        var date = EventDateOf(context, lead) ?? sentences.Skip(1).Take(3).Select(s => EventDateOf(context, s)).FirstOrDefault(d => d is not null);
        var (reviewed, planned) = ReadPeriods(context, lead);
        if ((reviewed is null || planned is null) && title != lead)
        {
            // The headline often names both ("…quý III, triển khai nhiệm vụ quý IV") when the lead names one.
            var (titleReviewed, titlePlanned) = ReadPeriods(context, title);
            reviewed ??= titleReviewed;
            planned ??= titlePlanned;
        }

        if (reviewed is not null && kind is MeetingKind.DoiThoai or MeetingKind.TrienKhai or MeetingKind.Other
            && !HasAny(context.Lower(lead), ReviewCues) && !HasAny(context.Lower(title), ReviewCues))
        {
            reviewed = null;
        }

        // A feature story without a meeting lead names its body in the first sentences after the headline.
        var organizer = ReadOrganizer(context, lead) ?? ReadOrganizer(context, title)
            ?? sentences.Skip(1).Take(3).Where(s => s != lead).Select(s => ReadOrganizer(context, s)).FirstOrDefault(o => o is not null);
        var (level, place) = ReadLevel(context, organizer, lead);
        var persons = Persons(context);
        var organizations = Organizations(context);
        var chairs = ReadChairs(context, sentences);
        var attendees = ReadAttendees(context, sentences);
        // Without a meeting (a feature story), "ông X cho biết" is an interview, not a speech at a meeting.
        var isMeeting = kind != MeetingKind.Other || HasAny(context.Lower(lead), MeetingNouns);
        var speakers = ReadSpeakers(context, sentences, persons, isMeeting);
        var awards = ReadAwards(context, sentences);
        var sections = sentences.Select(s => new SectionSpan(Label(context, s, lead), context.Map(s).Start, context.Map(s).End)).ToList();

        var meeting = new MeetingInfo(
            kind,
            kindText,
            organizer is null ? null : organizations.FirstOrDefault(o => o.Expanded == organizer.Expanded) ?? Entry(context, organizer),
            date is null ? null : DateOf(context, date),
            level,
            place,
            reviewed is null ? null : PeriodOf(context, reviewed),
            planned is null ? null : PeriodOf(context, planned),
            [.. chairs.Select(c => c.Name)],
            [.. chairs.Select(c => c.Mention)],
            attendees);

        return new MeetingRecord(
            source,
            text,
            meeting,
            speakers,
            persons,
            organizations,
            [.. context.Mentions.OfType<DateMention>().Select(d => DateOf(context, d))],
            [.. context.Mentions.OfType<PeriodMention>().Select(p => PeriodOf(context, p))],
            [.. context.Mentions.OfType<FigureMention>().Select(f => FigureOf(context, f, sentences))],
            [.. context.Mentions.OfType<CampaignMention>().Select(c => { var s = context.Map(c.Span); return new CampaignEntry(c.Name, s.Text, s.Start, s.End); })],
            awards,
            sections);
    }

    /// <summary>
    /// The lead: among the first sentences, the one that best reads as "[date], [organizer] tổ chức [kind] …".
    /// The headline (first sentence) counts too, for text that has none.
    /// </summary>
    private static TextSpan FindLead(Context context, List<TextSpan> sentences)
    {
        var best = -1;
        var bestScore = 0;
        for (var k = 0; k < sentences.Count && k <= 5; k++)
        {
            var lower = context.Lower(sentences[k]);
            var score = (EventDateOf(context, sentences[k]) is not null ? 2 : 0)
                        + (lower.Contains("tổ chức", StringComparison.Ordinal) ? 2 : 0)
                        + (KindCues.Any(c => lower.Contains(c.Cue, StringComparison.Ordinal)) ? 1 : 0);

            // Past the headline and the first sentence, a kind word alone ("duy trì gặp mặt, đối thoại …" in a
            // feature story) does not make a lead.
            if (score > bestScore && (k <= 1 || score >= 2))
            {
                best = k;
                bestScore = score;
            }
        }

        return best >= 0 ? sentences[best] : sentences.Count > 1 ? sentences[1] : sentences.Count > 0 ? sentences[0] : default;
    }

    private static MeetingKind ReadKind(Context context, TextSpan lead, TextSpan title, out SpanText? kindText)
    {
        foreach (var sentence in (ReadOnlySpan<TextSpan>)[lead, title])
        {
            var lower = context.Lower(sentence);
            var best = -1;
            var bestKind = MeetingKind.Other;
            var bestLength = 0;
            foreach (var (cue, kind) in KindCues)
            {
                var at = lower.IndexOf(cue, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                // "triển khai" is also the plain verb "roll out": it names a meeting only after a meeting noun.
                if (kind == MeetingKind.TrienKhai && !MeetingNouns.Any(n => lower.LastIndexOf(n, at, StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                // "triển khai" names the meeting only when nothing else does.
                var rank = kind == MeetingKind.TrienKhai ? at + 100_000 : at;
                if (best < 0 || rank < best)
                {
                    best = rank;
                    bestKind = kind;
                    bestLength = cue.Length;
                }
            }

            // A festival or contest organized by the body is an event, not a meeting, whatever it celebrates.
            var eventAt = NonMeetingEvents.Select(e => lower.IndexOf(e, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (eventAt >= 0 && (best < 0 || eventAt < (best >= 100_000 ? best - 100_000 : best)))
            {
                kindText = null;
                return MeetingKind.Other;
            }

            if (best >= 0)
            {
                var at = best >= 100_000 ? best - 100_000 : best;
                kindText = context.Map(new TextSpan(sentence.Start + at, bestLength));
                return bestKind;
            }
        }

        kindText = null;
        return MeetingKind.Other;
    }

    private static (PeriodMention? Reviewed, PeriodMention? Planned) ReadPeriods(Context context, TextSpan sentence)
    {
        var periods = context.In<PeriodMention>(sentence).ToList();
        if (periods.Count == 0)
        {
            return (null, null);
        }

        var lower = context.Lower(sentence);
        var cueAt = PlannedCues.Select(c => lower.IndexOf(c, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        PeriodMention? reviewed = null;
        PeriodMention? planned = null;
        foreach (var p in periods)
        {
            var offset = p.Span.Start - sentence.Start;
            if (cueAt >= 0 && offset > cueAt)
            {
                planned ??= p;
            }
            else
            {
                reviewed ??= p;
            }
        }

        return (reviewed, planned);
    }

    private static OrganizationMention? ReadOrganizer(Context context, TextSpan sentence)
    {
        var lower = context.Lower(sentence);
        var actAt = lower.IndexOf("tổ chức", StringComparison.Ordinal);
        if (actAt < 0)
        {
            actAt = KindCues.Select(c => lower.IndexOf(c.Cue, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(lower.Length).Min();
        }

        // "nhân kỷ niệm 35 năm Ngày thành lập Hội Cựu chiến binh Việt Nam, Hội CCB thị xã … tổ chức": the body
        // whose anniversary is celebrated is not the organizer.
        return context.In<OrganizationMention>(sentence).FirstOrDefault(o => o.Span.Start - sentence.Start <= actAt && !IsAnniversaryOf(lower, o.Span.Start - sentence.Start));
    }

    private static bool IsAnniversaryOf(string lower, int at)
    {
        var before = lower[Math.Max(0, at - 16)..at];
        return before.Contains("thành lập", StringComparison.Ordinal) || before.Contains("truyền thống", StringComparison.Ordinal);
    }

    private static (string? Level, string? Place) ReadLevel(Context context, OrganizationMention? organizer, TextSpan lead)
    {
        var source = organizer?.Expanded ?? context.Normalized.Text.Substring(lead.Start, lead.Length);
        var lower = source.ToLowerInvariant();
        string? level = null;
        var levelEnd = -1;
        var levelAt = int.MaxValue;
        foreach (var (word, value) in LevelWords)
        {
            var at = IndexOfWord(lower, word);
            if (at >= 0 && (at < levelAt || (at == levelAt && word.Length > levelEnd - at)))
            {
                levelAt = at;
                level = value;
                levelEnd = at + word.Length;
            }
        }

        if (level is null)
        {
            return (null, null);
        }

        // The place: capitalized words right after the level word ("huyện Krông Pắc", "Tỉnh ủy Đắk Lắk"); a
        // numbered ward or commune is named with its level word ("Phường 5").
        var rest = source[levelEnd..].TrimStart();
        var digits = rest.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && (digits == rest.Length || !char.IsLetterOrDigit(rest[digits])))
        {
            var levelWord = source.Substring(levelAt, levelEnd - levelAt);
            return (level, char.ToUpperInvariant(levelWord[0]) + levelWord[1..] + " " + rest[..digits]);
        }

        var words = new List<string>();
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.TrimEnd(',', '.', ';', ':', ')');
            if (w.Length == 0 || !char.IsUpper(w[0]) || words.Count == 4)
            {
                break;
            }

            words.Add(w);
            if (w.Length != word.Length)
            {
                break;
            }
        }

        return (level, words.Count > 0 ? string.Join(' ', words) : null);
    }

    private static bool HasAny(string lower, string[] cues) => cues.Any(c => lower.Contains(c, StringComparison.Ordinal));

    private static int IndexOfWord(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after)
            {
                return at;
            }

            at++;
        }

        return -1;
    }

    private static List<(string Name, SpanText Mention)> ReadChairs(Context context, List<TextSpan> sentences)
    {
        var chairs = new List<(string Name, SpanText Mention)>();
        foreach (var sentence in sentences)
        {
            var lower = context.Lower(sentence);
            var at = lower.IndexOf("chủ trì", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            foreach (var person in context.In<PersonMention>(sentence).Where(p => p.Span.Start - sentence.Start < at))
            {
                if (!chairs.Exists(c => string.Equals(c.Name, person.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    chairs.Add((person.Name, context.Map(person.Span)));
                }
            }
        }

        return chairs;
    }

    private static List<SpanText> ReadAttendees(Context context, List<TextSpan> sentences)
    {
        var attendees = new List<SpanText>();
        foreach (var sentence in sentences)
        {
            var lower = context.Lower(sentence);
            if (!AttendanceCues.Any(c => lower.Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var mention in context.In<EntityMention>(sentence).Where(m => m is PersonMention or OrganizationMention))
            {
                attendees.Add(context.Map(mention.Span));
            }
        }

        return attendees;
    }

    /// <summary>
    /// Speakers: every person named in a sentence with a role verb, each taking the role word nearest to its
    /// name. Role words inside names ("Ban Chỉ đạo", "Báo cáo viên" in a title) do not count: the spans of
    /// titles, organizations and persons are blanked before the search.
    /// </summary>
    private static List<SpeakerEntry> ReadSpeakers(Context context, List<TextSpan> sentences, IReadOnlyList<PersonEntry> persons, bool isMeeting)
    {
        var speakers = new List<SpeakerEntry>();
        var contributions = false;
        for (var k = 0; k < sentences.Count; k++)
        {
            var sentence = sentences[k];
            if (k > 0 && context.StartsParagraph(sentence, sentences[k - 1]))
            {
                contributions = false;
            }

            var cues = RoleCuesIn(context, sentence, RoleCues);
            if (cues.Count == 0)
            {
                // "Tại hội nghị, nhiều cá nhân đã tham luận. Ông X … kể lại …. Bà Y … chia sẻ …": in the rest of the
                // paragraph that announces contributions, the speech verbs take the announced role.
                cues = contributions
                    ? [.. RoleCuesIn(context, sentence, WeakAndContributionCues).Select(c => c with { Role = SpeakerRole.ThamLuan })]
                    : isMeeting ? RoleCuesIn(context, sentence, WeakRoleCues) : [];
            }

            contributions |= context.Lower(sentence).Contains("tham luận", StringComparison.Ordinal);

            if (cues.Count == 0)
            {
                continue;
            }

            var named = context.In<PersonMention>(sentence).Select(p => (p.Name, p.Span)).ToList();
            named.AddRange(GivenNameMentions(context, sentence, persons));
            if (named.Count == 0)
            {
                // A title standing for a person named earlier ("đồng chí Phó Bí thư TT Thị ủy kết luận").
                named.AddRange(context.In<TitleMention>(sentence).Where(t => !string.IsNullOrEmpty(t.Person)).Take(1).Select(t => (t.Person!, t.Span)));
            }

            // "Kết luận hội nghị, đồng chí X …": a role cue that opens the sentence before its first comma is what
            // the first person named after the comma does, whatever other cue words follow ("ý kiến chỉ đạo").
            var comma = context.Lower(sentence).IndexOf(',', StringComparison.Ordinal);
            var fronted = comma < 0 ? null : cues.Where(c => c.At + c.Length <= comma).Select(c => (SpeakerRole?)c.Role).FirstOrDefault();
            var firstAfterComma = fronted is null ? -1 : named.Where(n => n.Span.Start - sentence.Start > comma).Select(n => n.Span.Start).DefaultIfEmpty(-1).Min();
            foreach (var (name, span) in named)
            {
                var role = span.Start == firstAfterComma ? fronted!.Value : cues.MinBy(c => Distance(span, c.At + sentence.Start, c.Length)).Role;
                if (speakers.Any(s => s.Role == role && string.Equals(s.Person, name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var titles = persons.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Titles ?? [];
                speakers.Add(new SpeakerEntry(name, titles, role, context.Map(sentence), context.Map(span)));
            }
        }

        return speakers;
    }

    /// <summary>
    /// "bà Hiền", "đồng chí Thịnh": an honorific and one capitalized syllable that is the given name of exactly
    /// one person named in the article.
    /// </summary>
    private static IEnumerable<(string Name, TextSpan Span)> GivenNameMentions(Context context, TextSpan sentence, IReadOnlyList<PersonEntry> persons)
    {
        var text = context.Normalized.Text;
        var lower = context.Lower(sentence);
        var covered = context.In<PersonMention>(sentence).Select(p => p.Span).ToList();
        foreach (var honorific in Honorifics)
        {
            var at = 0;
            while ((at = lower.IndexOf(honorific + " ", at, StringComparison.Ordinal)) >= 0)
            {
                var start = sentence.Start + at + honorific.Length + 1;
                at += honorific.Length + 1;
                if (at - honorific.Length - 1 > 0 && char.IsLetter(lower[at - honorific.Length - 2]))
                {
                    continue;
                }

                var end = start;
                while (end < sentence.End && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (end == start || !char.IsUpper(text[start]) || covered.Any(c => c.Start <= start && start < c.End)
                    || (end + 1 < sentence.End && text[end] == ' ' && char.IsUpper(text[end + 1])))
                {
                    continue;
                }

                var given = text[start..end];
                var matches = persons.Where(p => p.Name.EndsWith(" " + given, StringComparison.Ordinal)).Take(2).ToList();
                if (matches.Count == 1)
                {
                    yield return (matches[0].Name, TextSpan.FromBounds(start, end));
                }
            }
        }
    }

    private static List<(int At, int Length, SpeakerRole Role)> RoleCuesIn(Context context, TextSpan sentence, (string Cue, SpeakerRole Role)[] roleCues)
    {
        var lower = context.Lower(sentence).ToCharArray();
        foreach (var m in context.In<EntityMention>(sentence).Where(m => m is TitleMention or OrganizationMention or PersonMention))
        {
            lower.AsSpan(m.Span.Start - sentence.Start, m.Span.Length).Fill(' ');
        }

        // "Tới dự và chỉ đạo hội nghị có …" names who attended, not who spoke.
        var text = new string(lower).Replace("dự và chỉ đạo", "             ", StringComparison.Ordinal);
        var cues = new List<(int At, int Length, SpeakerRole Role)>();
        foreach (var (cue, role) in roleCues)
        {
            var at = 0;
            while ((at = text.IndexOf(cue, at, StringComparison.Ordinal)) >= 0)
            {
                // A longer cue already found here ("phát biểu chỉ đạo") wins over the shorter ones inside it.
                if (!cues.Any(c => at < c.At + c.Length && c.At < at + cue.Length))
                {
                    cues.Add((at, cue.Length, role));
                }

                at += cue.Length;
            }
        }

        return cues;
    }

    private static int Distance(TextSpan name, int cueStart, int cueLength) =>
        cueStart >= name.End ? cueStart - name.End : name.Start >= cueStart + cueLength ? name.Start - (cueStart + cueLength) : 0;

    /// <summary>
    /// Awards: in each clause (split at ';') that names an award ("bằng khen", "giấy khen", "cờ thi đua",
    /// "kỷ niệm chương", else "khen thưởng"), the giver is the organization before the giving verb ("UBND tỉnh
    /// tặng bằng khen cho …"), after "của" ("bằng khen của UBND tỉnh") or after "được" ("được UBND tỉnh tặng");
    /// every figure of the clause that is not money is a count of recipients.
    /// </summary>
    private static List<AwardEntry> ReadAwards(Context context, List<TextSpan> sentences)
    {
        var awards = new List<AwardEntry>();
        var text = context.Normalized.Text;
        foreach (var sentence in sentences)
        {
            var clauseStart = sentence.Start;
            while (clauseStart < sentence.End)
            {
                var semicolon = text.IndexOf(';', clauseStart, sentence.End - clauseStart);
                var clause = TextSpan.FromBounds(clauseStart, semicolon < 0 ? sentence.End : semicolon);
                clauseStart = clause.End + 1;
                ReadAward(context, clause, sentence, awards);
            }
        }

        return awards;
    }

    private static void ReadAward(Context context, TextSpan clause, TextSpan sentence, List<AwardEntry> awards)
    {
        var lower = context.Lower(clause);
        var (award, at) = AwardNames.Select(a => (Name: a, At: lower.IndexOf(a, StringComparison.Ordinal))).Where(x => x.At >= 0).FirstOrDefault();
        if (award is null)
        {
            return;
        }

        // The giver: an organization, or an office ("Bằng khen của Chủ tịch UBND tỉnh").
        var givers = context.In<EntityMention>(clause).Where(m => m is OrganizationMention or TitleMention).ToList();
        var of = lower.IndexOf(award + " của", StringComparison.Ordinal);
        var giver = (of >= 0 ? givers.FirstOrDefault(o => o.Span.Start - clause.Start > of) : null)
                    ?? givers.OfType<OrganizationMention>().LastOrDefault(o => o.Span.Start - clause.Start < at);
        foreach (var figure in context.In<FigureMention>(clause))
        {
            if (figure.Unit is not ("đồng" or "%"))
            {
                awards.Add(new AwardEntry(giver?.NormalizedValue, award, figure.Value, figure.Unit, context.Map(sentence), giver is null ? null : context.Map(giver.Span), context.Map(figure.Span)));
            }
        }
    }

    private static SectionLabel Label(Context context, TextSpan sentence, TextSpan lead)
    {
        if (sentence == lead)
        {
            return SectionLabel.Other;
        }

        var lower = context.Lower(sentence);
        if (lower.StartsWith("bên cạnh", StringComparison.Ordinal) || ShortcomingCues.Any(c => lower.Contains(c, StringComparison.Ordinal)))
        {
            return SectionLabel.Shortcomings;
        }

        if (DirectionCues.Any(c => lower.Contains(c, StringComparison.Ordinal)))
        {
            return SectionLabel.Directions;
        }

        if (AttendanceCues.Any(c => lower.Contains(c, StringComparison.Ordinal)) || lower.Contains("chủ trì", StringComparison.Ordinal))
        {
            return SectionLabel.Other;
        }

        return ResultCues.Any(c => lower.Contains(c, StringComparison.Ordinal)) || context.In<FigureMention>(sentence).Any() ? SectionLabel.Results : SectionLabel.Other;
    }

    private static readonly string[] CutoffCues = ["tính đến", "tính tới", "đến ngày", "tới ngày", "đến hết", "từ ngày", "trước ngày"];

    /// <summary>The first date of the sentence that can date an event: not a cutoff ("Tính đến 10/5/2025, …").</summary>
    private static DateMention? EventDateOf(Context context, TextSpan sentence)
    {
        string? lower = null;
        foreach (var date in context.In<DateMention>(sentence))
        {
            lower ??= context.Lower(sentence);
            var before = lower.AsSpan(0, Math.Clamp(date.Span.Start - sentence.Start, 0, lower.Length)).TrimEnd();
            if (!IsCutoff(before))
            {
                return date;
            }
        }

        return null;
    }

    private static bool IsCutoff(ReadOnlySpan<char> before)
    {
        foreach (var cue in CutoffCues)
        {
            if (before.EndsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static T? FirstOf<T>(Context context, TextSpan sentence)
        where T : EntityMention => context.In<T>(sentence).FirstOrDefault();

    private static List<PersonEntry> Persons(Context context)
    {
        var byName = new Dictionary<string, (string Name, List<TitleValue> Titles, List<SpanText> Mentions)>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in context.Mentions.OfType<PersonMention>())
        {
            if (!byName.TryGetValue(person.Name, out var entry))
            {
                byName[person.Name] = entry = (person.Name, [], []);
            }

            entry.Mentions.Add(context.Map(person.Span));
        }

        foreach (var title in context.Mentions.OfType<TitleMention>())
        {
            if (title.Person is { Length: > 0 } name && byName.TryGetValue(name, out var entry) && !entry.Titles.Any(t => t.Expanded == title.Expanded))
            {
                var s = context.Map(title.Span);
                entry.Titles.Add(new TitleValue(s.Text, title.Expanded, s.Start, s.End));
            }
        }

        return [.. byName.Values.Select(e => new PersonEntry(e.Name, e.Titles, e.Mentions))];
    }

    private static List<OrganizationEntry> Organizations(Context context)
    {
        var byName = new Dictionary<string, (string Name, List<SpanText> Mentions)>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var org in context.Mentions.OfType<OrganizationMention>())
        {
            var s = context.Map(org.Span);
            if (!byName.TryGetValue(org.Expanded, out var entry))
            {
                byName[org.Expanded] = entry = (s.Text, []);
                order.Add(org.Expanded);
            }

            entry.Mentions.Add(s);
        }

        return [.. order.Select(k => new OrganizationEntry(byName[k].Name, k, byName[k].Mentions))];
    }

    private static OrganizationEntry Entry(Context context, OrganizationMention org)
    {
        var s = context.Map(org.Span);
        return new OrganizationEntry(s.Text, org.Expanded, [s]);
    }

    private static DateValue DateOf(Context context, DateMention date)
    {
        var s = context.Map(date.Span);
        return new DateValue(s.Text, date.NormalizedValue, s.Start, s.End);
    }

    private static PeriodValue PeriodOf(Context context, PeriodMention period)
    {
        var s = context.Map(period.Span);
        return new PeriodValue(s.Text, Iso(period.Start), period.End is { } end ? Iso(end) : null, s.Start, s.End);
    }

    private static FigureEntry FigureOf(Context context, FigureMention figure, List<TextSpan> sentences)
    {
        var s = context.Map(figure.Span);
        var sentence = sentences.FirstOrDefault(x => figure.Span.Start >= x.Start && figure.Span.End <= x.End);
        return new FigureEntry(s.Text, figure.Value, figure.Unit, figure.Qualifier, s.Start, s.End, context.Map(sentence));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The texts and mentions of one build, with span mapping back to the input.</summary>
    private sealed class Context(string original, NormalizedText normalized, TokenView view, List<EntityMention> mentions)
    {
        public NormalizedText Normalized { get; } = normalized;

        public List<EntityMention> Mentions { get; } = mentions;

        public SpanText Map(TextSpan normalizedSpan)
        {
            var span = Normalized.ToOriginal(normalizedSpan);
            return new SpanText(original.Substring(span.Start, span.Length), span.Start, span.End);
        }

        // Each rule lowers the sentences it reads: one lowered copy per sentence.
        private readonly Dictionary<TextSpan, string> _lower = [];

        public string Lower(TextSpan sentence)
        {
            if (sentence.Length == 0)
            {
                return string.Empty;
            }

            if (!_lower.TryGetValue(sentence, out var lower))
            {
                _lower[sentence] = lower = CharClass.ToLowerInvariant(Normalized.Text.AsSpan(sentence.Start, sentence.Length));
            }

            return lower;
        }

        // The recognizer returns mentions in text order: a sentence's mentions start at a binary-searched index.
        private readonly bool _sorted = IsSortedByStart(mentions);

        public IEnumerable<T> In<T>(TextSpan sentence)
            where T : EntityMention => !_sorted
            ? Mentions.OfType<T>().Where(m => m.Span.Start >= sentence.Start && m.Span.End <= sentence.End && sentence.Length > 0)
            : sentence.Length > 0 ? InSorted<T>(sentence) : [];

        private IEnumerable<T> InSorted<T>(TextSpan sentence)
            where T : EntityMention
        {
            // Same mentions, same order as the filter above: a mention inside the sentence starts in [Start, End].
            for (var i = FirstStartingAtOrAfter(sentence.Start); i < Mentions.Count && Mentions[i].Span.Start <= sentence.End; i++)
            {
                if (Mentions[i] is T m && m.Span.End <= sentence.End)
                {
                    yield return m;
                }
            }
        }

        private int FirstStartingAtOrAfter(int start)
        {
            int lo = 0, hi = Mentions.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Mentions[mid].Span.Start < start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static bool IsSortedByStart(List<EntityMention> list)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].Span.Start < list[i - 1].Span.Start)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a line break separates <paramref name="sentence"/> from the sentence before it.</summary>
        public bool StartsParagraph(TextSpan sentence, TextSpan previous) =>
            previous.End <= sentence.Start && Normalized.Text.AsSpan(previous.End, sentence.Start - previous.End).Contains('\n');

        /// <summary>Sentences of the normalized text that are not on page-chrome lines.</summary>
        public List<TextSpan> ContentSentences()
        {
            var result = new List<TextSpan>();
            var t = 0;
            foreach (var sentence in SentenceSplitter.Split(Normalized.Text))
            {
                while (t < view.Count && view[t].Start < sentence.Start)
                {
                    t++;
                }

                if (t < view.Count && !view.IsChrome(t))
                {
                    result.Add(sentence);
                }
            }

            return result;
        }
    }
}
