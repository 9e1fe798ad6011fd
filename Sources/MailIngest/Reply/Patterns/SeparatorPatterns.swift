/// Lines that open quoted or forwarded history on their own: "-----Original Message-----",
/// "---------- Forwarded message ---------", "Begin forwarded message:" and their translations.
/// Stored lowercase, without the dashes, stars or colon around them.
enum SeparatorPatterns {
    /// Phrases per language (ISO 639-1 code), as Outlook, Gmail, Apple Mail, Thunderbird, QQ/Foxmail and the
    /// Japanese carriers write them.
    static let byLanguage: [String: [String]] = [
        "en": ["original message", "forwarded message", "begin forwarded message", "original", "forwarded",
               "original email", "forwarded email", "reply message", "message forwarded"],
        "fr": ["message d'origine", "message original", "message transféré", "début du message réexpédié",
               "début du message transféré", "message réexpédié", "courriel original", "message d’origine"],
        "de": ["ursprüngliche nachricht", "originalnachricht", "weitergeleitete nachricht",
               "anfang der weitergeleiteten nachricht", "original-nachricht", "weitergeleitete e-mail"],
        "es": ["mensaje original", "mensaje reenviado", "comienzo del mensaje reenviado", "inicio del mensaje reenviado"],
        "it": ["messaggio originale", "messaggio inoltrato", "inizio messaggio inoltrato", "messaggio originario"],
        "nl": ["oorspronkelijk bericht", "origineel bericht", "doorgestuurd bericht", "begin doorgestuurd bericht",
               "oorspronkelijke bericht"],
        "pt": ["mensagem original", "mensagem encaminhada", "início da mensagem encaminhada",
               "mensagem reencaminhada"],
        "pl": ["wiadomość oryginalna", "oryginalna wiadomość", "przekazana wiadomość",
               "początek przekazywanej wiadomości", "oryginalna wiadomosc", "wiadomość przekazana dalej"],
        "ro": ["mesaj original", "mesajul original", "mesaj redirecționat", "începutul mesajului redirecționat",
               "mesaj redirectionat"],
        "sv": ["ursprungligt meddelande", "originalmeddelande", "vidarebefordrat meddelande",
               "början på vidarebefordrat meddelande"],
        "tr": ["orijinal ileti", "orijinal mesaj", "iletilen ileti", "yönlendirilen ileti", "özgün ileti",
               "iletilmiş ileti", "yönlendirilmiş ileti", "iletilen mesaj"],
        "hr": ["izvorna poruka", "originalna poruka", "proslijeđena poruka", "početak proslijeđene poruke"],
        "ja": ["元のメッセージ", "転送メッセージ", "オリジナルメッセージ", "転送されたメッセージ", "original message"],
        "zh": ["原始邮件", "邮件原件", "郵件原件", "转发邮件", "原始郵件", "轉寄郵件", "原邮件", "转发的邮件", "原始信件"],
        "no": ["opprinnelig melding", "videresendt melding", "original melding", "start på videresendt melding"],
        "da": ["oprindelig meddelelse", "videresendt meddelelse", "original meddelelse", "start på videresendt besked"],
        "ru": ["исходное сообщение", "пересылаемое сообщение", "пересланное сообщение", "оригинальное сообщение",
               "начало переадресованного сообщения"],
        "uk": ["оригінальне повідомлення", "пересланий лист", "переслане повідомлення", "початкове повідомлення"],
        "ca": ["missatge original", "missatge reenviat"],
        "hu": ["eredeti üzenet", "továbbított üzenet", "eredeti levél"],
        "ko": ["원본 메시지", "전달된 메시지", "원본 메일"],
        "cs": ["původní zpráva", "přeposlaná zpráva", "původní e-mail"],
        "fi": ["alkuperäinen viesti", "välitetty viesti"],
        "el": ["αρχικό μήνυμα", "προωθημένο μήνυμα"],
    ]

    /// Marker lines that ticketing and mailing systems put above the quoted message, found anywhere in a line
    /// ("## Please reply above this line ##").
    static let replyAbove: [BytePattern] = [
        "reply above this line", "write above this line", "type your reply above this line",
        "répondez au-dessus de cette ligne", "repondez au-dessus de cette ligne", "antworten sie über dieser zeile",
        "bitte oberhalb dieser zeile antworten", "responda por encima de esta línea", "responda acima desta linha",
        "rispondi sopra questa riga", "rispondere sopra questa linea", "antwoord boven deze lijn",
        "odpowiedz powyżej tej linii", "răspundeți deasupra acestei linii", "svara ovanför denna rad",
        "bu satırın üzerine yanıt", "odgovorite iznad ove linije", "この行より上に返信", "请在此行上方回复",
    ].map(BytePattern.init)

    /// All phrases of all languages.
    static let all: Set<String> = Set(byLanguage.values.joined())
}
