/// The role of one field in a header block that a client writes above the message it quotes or forwards.
enum HeaderFieldKind: Sendable, Hashable {
    case from, sent, to, cc, subject, replyTo
}

/// Field names of the header blocks of Outlook/Exchange, Outlook for Mac, Lotus Notes, GMX/Web.de, Yahoo,
/// QQ/Foxmail and the webmails, per language (lowercase, without the colon). A new language is a new entry.
enum OutlookHeaderFields {
    static let byLanguage: [String: [HeaderFieldKind: [String]]] = [
        "en": [.from: ["from"], .sent: ["sent", "date", "sent on", "sent at"], .to: ["to"], .cc: ["cc", "bcc"],
               .subject: ["subject"], .replyTo: ["reply-to", "reply to"]],
        "fr": [.from: ["de", "expéditeur"], .sent: ["envoyé", "envoyé le", "date", "date d'envoi", "message du"],
               .to: ["à", "a", "pour", "destinataire"], .cc: ["cc", "copie à", "copie", "cci"],
               .subject: ["objet", "sujet"], .replyTo: ["répondre à"]],
        "de": [.from: ["von", "absender"], .sent: ["gesendet", "datum", "gesendet am"], .to: ["an", "empfänger"],
               .cc: ["cc", "kopie", "bcc"], .subject: ["betreff"], .replyTo: ["antwort an"]],
        "es": [.from: ["de", "remitente"], .sent: ["enviado", "enviado el", "fecha", "enviada"],
               .to: ["para", "destinatario"], .cc: ["cc", "copia", "con copia"], .subject: ["asunto"],
               .replyTo: ["responder a"]],
        "it": [.from: ["da", "mittente"], .sent: ["inviato", "data", "inviato il"], .to: ["a", "destinatario"],
               .cc: ["cc", "copia"], .subject: ["oggetto"], .replyTo: ["rispondi a"]],
        "nl": [.from: ["van", "afzender"], .sent: ["verzonden", "datum", "verstuurd"], .to: ["aan"],
               .cc: ["cc", "kopie"], .subject: ["onderwerp"], .replyTo: ["beantwoorden"]],
        "pt": [.from: ["de", "remetente"], .sent: ["enviado", "enviada", "enviado em", "enviada em", "data"],
               .to: ["para"], .cc: ["cc", "cópia"], .subject: ["assunto"], .replyTo: ["responder a"]],
        "pl": [.from: ["od", "nadawca"], .sent: ["wysłano", "wysłane", "data", "wysłany"], .to: ["do", "adresat"],
               .cc: ["dw", "kopia", "ukryta kopia"], .subject: ["temat"]],
        "ro": [.from: ["de la", "de"], .sent: ["trimis", "data", "trimis la"], .to: ["către", "catre", "pentru"],
               .cc: ["cc"], .subject: ["subiect"]],
        "sv": [.from: ["från", "avsändare"], .sent: ["skickat", "datum", "skickades"], .to: ["till"],
               .cc: ["kopia"], .subject: ["ämne"]],
        "tr": [.from: ["kimden", "gönderen"], .sent: ["gönderildi", "gönderilme tarihi", "tarih"],
               .to: ["kime", "alıcı"], .cc: ["bilgi", "cc"], .subject: ["konu"]],
        "hr": [.from: ["od", "šalje"], .sent: ["poslano", "datum", "šaljem"], .to: ["za", "prima"],
               .cc: ["kopija"], .subject: ["predmet", "tema"]],
        "ja": [.from: ["差出人", "送信者", "送信元"], .sent: ["送信日時", "日付", "送信日"], .to: ["宛先", "受信者"],
               .cc: ["cc"], .subject: ["件名"]],
        "zh": [.from: ["发件人", "寄件者", "發件人", "寄件人"], .sent: ["发送时间", "日期", "时间", "寄件日期", "發送時間", "发送日期"],
               .to: ["收件人", "收件者"], .cc: ["抄送", "副本", "抄送人"], .subject: ["主题", "主旨", "主題"]],
        "no": [.from: ["fra"], .sent: ["sendt", "dato"], .to: ["til"], .cc: ["kopi"], .subject: ["emne"]],
        "da": [.from: ["fra"], .sent: ["sendt", "dato"], .to: ["til"], .cc: ["cc"], .subject: ["emne"]],
        "ru": [.from: ["от", "отправитель"], .sent: ["отправлено", "дата"], .to: ["кому"], .cc: ["копия"],
               .subject: ["тема"]],
        "uk": [.from: ["від", "відправник"], .sent: ["надіслано", "дата"], .to: ["кому"], .cc: ["копія"],
               .subject: ["тема"]],
        "ca": [.from: ["de"], .sent: ["enviat", "data"], .to: ["per a"], .cc: ["a/c"], .subject: ["assumpte"]],
        "hu": [.from: ["feladó"], .sent: ["elküldve", "dátum", "küldve"], .to: ["címzett"],
               .cc: ["másolatot kap", "másolat"], .subject: ["tárgy"]],
        "ko": [.from: ["보낸 사람", "보낸사람"], .sent: ["보낸 날짜", "날짜"], .to: ["받는 사람", "받는사람"],
               .cc: ["참조"], .subject: ["제목"]],
        "cs": [.from: ["od"], .sent: ["odesláno", "datum"], .to: ["komu"], .cc: ["kopie"], .subject: ["předmět"]],
        "fi": [.from: ["lähettäjä"], .sent: ["lähetetty", "päivämäärä"], .to: ["vastaanottaja"], .cc: ["kopio"],
               .subject: ["aihe"]],
        "el": [.from: ["από"], .sent: ["στάλθηκε", "ημερομηνία"], .to: ["προς"], .cc: ["κοιν."], .subject: ["θέμα"]],
    ]

    /// Field name -> kind over all languages. A name two languages use for different kinds keeps the first
    /// kind in the order from, sent, subject, to, cc (only "de"/"a"/"da" style names collide; all count).
    static let kindByName: [String: HeaderFieldKind] = {
        var map: [String: HeaderFieldKind] = [:]
        let order: [HeaderFieldKind] = [.from, .sent, .subject, .to, .cc, .replyTo]
        for kind in order {
            for fields in byLanguage.values {
                for name in fields[kind] ?? [] where map[name] == nil { map[name] = kind }
            }
        }
        return map
    }()

    /// The longest field name, in characters: a colon further away cannot end a field name.
    static let longestName: Int = kindByName.keys.map(\.count).max() ?? 0
}
