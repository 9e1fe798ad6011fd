/// How one language's mail clients write the attribution line above a quoted message
/// ("On Mon, 1 Jan 2024 at 10:00, Ann <ann@example.com> wrote:"). All strings are lowercase.
struct AttributionPattern: Sendable {
    /// ISO 639-1 code.
    let language: String
    /// Words an attribution starts with (Gmail "On", Apple Mail "Am", Outlook for Mac "Le", ...).
    let leads: [String]
    /// Verbs that end the attribution, just before its colon ("wrote", "a écrit", "写道").
    let endings: [String]
    /// Verbs that stand before the quoted sender's name ("... um 10:55 schrieb Ann:", "... kl. 13:09 skrev Ann:").
    let middles: [String]
}

/// Attribution wording per language, from the clients' own templates (Gmail, Apple Mail, Thunderbird, Outlook for
/// Mac, Yahoo, GMX/Web.de, Mail.ru, QQ/Foxmail, Lotus Notes, Japanese carriers). A new language is a new entry.
enum AttributionPatterns {
    static let all: [AttributionPattern] = [
        AttributionPattern(language: "en", leads: ["on", "quoting"],
                           endings: ["wrote", "writes", "said", "has written", "wrote the following"],
                           middles: ["wrote on", "wrote at"]),
        AttributionPattern(language: "fr", leads: ["le", "à", "citation de"],
                           endings: ["a écrit", "ecrit", "écrit", "a ecrit", "a écrit le", "a envoyé"],
                           middles: ["a écrit le"]),
        AttributionPattern(language: "de", leads: ["am", "zitat von"],
                           endings: ["schrieb", "geschrieben", "hat geschrieben", "schreibt"],
                           middles: ["schrieb", "schrieb am"]),
        AttributionPattern(language: "es", leads: ["el", "en"],
                           endings: ["escribió", "escribio", "ha escrito"], middles: ["escribió el"]),
        AttributionPattern(language: "it", leads: ["il", "il giorno", "in data"],
                           endings: ["ha scritto", "scritto", "scrisse"], middles: ["ha scritto il"]),
        AttributionPattern(language: "nl", leads: ["op", "citeer"],
                           endings: ["schreef", "heeft geschreven", "geschreven"], middles: ["schreef"]),
        AttributionPattern(language: "pt", leads: ["em", "no dia"],
                           endings: ["escreveu", "escreveu o seguinte"], middles: []),
        AttributionPattern(language: "pl", leads: ["w dniu", "dnia", "wiadomość napisana przez"],
                           endings: ["napisał(a)", "napisał", "napisała", "napisal", "pisze", "napisano"],
                           middles: ["w dniu"]),
        AttributionPattern(language: "ro", leads: ["în", "in", "pe", "la data de"],
                           endings: ["a scris", "scris"], middles: []),
        AttributionPattern(language: "sv", leads: ["den", "på"],
                           endings: ["skrev", "skrev följande"], middles: ["skrev"]),
        AttributionPattern(language: "tr", leads: [],
                           endings: ["şunu yazdı", "yazdı", "tarihinde şunu yazdı"], middles: []),
        AttributionPattern(language: "hr", leads: ["dana"],
                           endings: ["napisao je", "napisala je", "je napisao", "je napisala", "napisao/la je", "je napisao/la", "napisao/la",
                                     "napisao", "napisala", "piše"], middles: []),
        AttributionPattern(language: "ja", leads: [],
                           endings: ["のメッセージ", "のメール", "さんは書きました", "は書きました", "書きました", "wrote"], middles: []),
        AttributionPattern(language: "zh", leads: ["在"],
                           endings: ["写道", "寫道", "来信", "寫了"], middles: []),
        AttributionPattern(language: "no", leads: ["den", "på"],
                           endings: ["skrev", "skrev følgende"], middles: ["skrev"]),
        AttributionPattern(language: "da", leads: ["den", "d."],
                           endings: ["skrev", "skrev følgende"], middles: ["skrev"]),
        AttributionPattern(language: "ru", leads: ["в", "от"],
                           endings: ["написал(а)", "написал", "написала", "пишет", "писал"], middles: []),
        AttributionPattern(language: "uk", leads: ["від"],
                           endings: ["написав(ла)", "написав", "написала", "пише"], middles: []),
        AttributionPattern(language: "ca", leads: ["el"],
                           endings: ["ha escrit", "va escriure"], middles: []),
        AttributionPattern(language: "hu", leads: [],
                           endings: ["írta", "irta", "írt"], middles: []),
        AttributionPattern(language: "ko", leads: [],
                           endings: ["작성", "님이 작성", "작성했습니다", "씀"], middles: []),
        AttributionPattern(language: "cs", leads: ["dne"],
                           endings: ["napsal(a)", "napsal", "napsala", "píše"], middles: []),
        AttributionPattern(language: "fi", leads: [],
                           endings: ["kirjoitti"], middles: ["kirjoitti"]),
        AttributionPattern(language: "el", leads: ["στις"],
                           endings: ["έγραψε"], middles: []),
    ]

    /// Every ending of every language, longest first.
    static let endings: [String] = Array(Set(all.flatMap(\.endings))).sorted { $0.count > $1.count }
    /// Every middle verb, each padded with spaces so it matches whole words.
    static let middles: [BytePattern] = Array(Set(all.flatMap(\.middles))).map { BytePattern(" \($0) ") }
    /// Every lead word.
    static let leads: [String] = Array(Set(all.flatMap(\.leads)))
}
