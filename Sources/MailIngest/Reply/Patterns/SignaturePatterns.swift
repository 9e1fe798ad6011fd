/// A "sent from" line of a mobile or desktop client: it starts with `prefix` and ends with `suffix`
/// (either may be empty), lowercase. A generic wording ("Inviato da ...", "Sent via ...") counts only when
/// the rest names a device or a mail app (``SignaturePatterns/devices``): "Inviato da Marco ieri" is prose.
struct MobileLinePattern: Sendable {
    let prefix: String
    let suffix: String
    let needsDevice: Bool
    /// Prefix and suffix are ASCII: only such a pattern can match an ASCII line (the tables hold no character
    /// canonically equivalent to ASCII, such as the Kelvin sign).
    let isASCII: Bool

    init(_ prefix: String, _ suffix: String = "", device: Bool = false) {
        self.prefix = prefix
        self.suffix = suffix
        self.needsDevice = device
        isASCII = (prefix + suffix).utf8.allSatisfy { $0 < 0x80 }
    }
}

/// Wording of signatures per language: sign-off closings, client "sent from" lines and the first words of legal
/// disclaimers. All lowercase. A new language is a new entry in each table.
enum SignaturePatterns {
    /// Closings that stand alone on their line before the sender's name ("Best regards," / "Cordialement").
    static let closingsByLanguage: [String: [String]] = [
        "en": ["best regards", "kind regards", "regards", "best", "best wishes", "warm regards", "warmest regards",
               "many thanks", "thanks", "thank you", "thanks in advance", "thanks and regards", "thanks & regards",
               "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "yours truly", "cheers",
               "all the best", "with regards", "with best regards", "with kind regards", "respectfully", "cordially",
               "rgds", "br", "kr", "thx", "greetings", "take care", "with thanks", "thanks again", "warmly",
               "best regards and thanks", "kindest regards"],
        "fr": ["cordialement", "bien cordialement", "très cordialement", "bien à vous", "salutations",
               "meilleures salutations", "sincères salutations", "bien à toi", "merci", "merci d'avance",
               "merci beaucoup", "bonne journée", "bonne soirée", "respectueusement", "amicalement",
               "bien amicalement", "cdlt", "slts", "veuillez agréer mes salutations distinguées", "à bientôt",
               "salutations distinguées", "sincèrement", "bien sincèrement", "avec mes remerciements",
               "cordialement vôtre", "belle journée"],
        "de": ["mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße", "freundliche grüsse",
               "viele grüße", "viele grüsse", "beste grüße", "beste grüsse", "liebe grüße", "liebe grüsse", "grüße",
               "grüsse", "mfg", "lg", "vg", "herzliche grüße", "schöne grüße", "danke", "vielen dank",
               "mit besten grüßen", "gruß", "gruss", "besten dank", "mit freundlichem gruß", "mit freundlichem gruss",
               "freundlicher gruß", "freundlicher gruss", "herzliche grüsse", "schöne grüsse", "mit besten grüssen",
               "viele grüße und danke", "danke und viele grüße", "beste grüße und danke"],
        "es": ["saludos", "un saludo", "saludos cordiales", "atentamente", "cordialmente", "muchas gracias",
               "gracias", "un cordial saludo", "reciba un cordial saludo", "quedo atento", "quedo atenta",
               "un saludo cordial", "saludos cordiales y gracias", "muchas gracias y un saludo", "quedamos a la espera",
               "sin otro particular"],
        "it": ["cordiali saluti", "distinti saluti", "saluti", "un saluto", "grazie", "grazie mille",
               "cordialmente", "a presto", "buona giornata", "i migliori saluti", "un caro saluto", "cordialità",
               "saluti cordiali", "con i migliori saluti", "cordiali saluti e buon lavoro", "buon lavoro"],
        "nl": ["met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "vriendelijke groeten",
               "groeten", "groet", "mvg", "hartelijke groet", "bedankt", "alvast bedankt", "dank u wel",
               "met hartelijke groet", "hartelijke groeten", "groetjes", "met vriendelijke groeten en dank",
               "vriendelijke groet en dank"],
        "pt": ["atenciosamente", "cumprimentos", "com os melhores cumprimentos", "melhores cumprimentos",
               "abraços", "abraço", "obrigado", "obrigada", "cordialmente", "saudações", "att", "atte", "abs",
               "com os meus cumprimentos", "saudações cordiais", "um abraço", "grato", "grata"],
        "pl": ["pozdrawiam", "z poważaniem", "serdecznie pozdrawiam", "pozdrawiam serdecznie", "dziękuję",
               "z wyrazami szacunku", "pozdrowienia", "łączę pozdrowienia", "dzięki", "z pozdrowieniami",
               "łączę wyrazy szacunku", "pozdrawiam i dziękuję", "serdeczne pozdrowienia"],
        "ro": ["cu stimă", "cu stima", "cu respect", "toate cele bune", "mulțumesc", "multumesc",
               "o zi bună", "numai bine", "salutări", "cu drag", "cu deosebită considerație", "cu deosebita consideratie",
               "cu considerație", "cu consideratie", "cu bine", "o zi frumoasă"],
        "sv": ["med vänliga hälsningar", "vänliga hälsningar", "mvh", "hälsningar", "med vänlig hälsning",
               "vänlig hälsning", "tack", "bästa hälsningar", "hälsning", "hälsningar och tack", "tack på förhand",
               "trevlig helg"],
        "tr": ["saygılarımla", "saygılarımızla", "iyi çalışmalar", "teşekkürler", "teşekkür ederim",
               "selamlar", "saygılar", "iyi günler", "kolay gelsin", "sevgiler", "hayırlı çalışmalar",
               "saygı ve sevgilerimle"],
        "hr": ["lijep pozdrav", "srdačan pozdrav", "pozdrav", "s poštovanjem", "lp", "hvala", "srdačno",
               "lijepi pozdrav", "srdačni pozdrav", "uz pozdrav", "srdačan pozdrav i hvala", "pozdrav i hvala"],
        "ja": ["よろしくお願いいたします", "よろしくお願いします", "宜しくお願い致します", "宜しくお願いします",
               "以上、よろしくお願いいたします", "以上", "敬具", "引き続きよろしくお願いいたします",
               "引き続きよろしくお願いします", "今後ともよろしくお願いいたします", "よろしくお願い申し上げます",
               "何卒よろしくお願い申し上げます", "以上です", "よろしくお願い致します", "宜しくお願いいたします",
               "以上、よろしくお願い致します", "以上、宜しくお願い致します", "引き続き宜しくお願い致します"],
        "zh": ["此致 敬礼", "此致敬礼", "此致", "敬礼", "谢谢", "謝謝", "祝好", "顺祝商祺", "祝商祺", "致礼", "顺颂商祺", "顺颂时祺",
               "祝工作顺利", "敬上", "謹此", "順頌商祺", "祝 好"],
        "no": ["med vennlig hilsen", "vennlig hilsen", "mvh", "hilsen", "beste hilsen", "takk"],
        "da": ["med venlig hilsen", "venlig hilsen", "mvh", "hilsen", "de bedste hilsner", "tak"],
        "ru": ["с уважением", "спасибо", "всего доброго", "с наилучшими пожеланиями"],
        "uk": ["з повагою", "дякую", "з найкращими побажаннями"],
        "ca": ["salutacions", "cordialment", "atentament", "gràcies"],
        "hu": ["üdvözlettel", "tisztelettel", "köszönettel", "üdv"],
        "ko": ["감사합니다", "감사드립니다"],
        "cs": ["s pozdravem", "děkuji", "s přáním hezkého dne"],
        "fi": ["ystävällisin terveisin", "terveisin", "kiitos"],
        "el": ["με εκτίμηση", "ευχαριστώ", "φιλικά"],
    ]

    /// Prepositions that put a place after a closing ("Viele Grüße aus Hamburg", "Saludos desde Valencia",
    /// "Pozdrowienia z Krakowa"), per language.
    static let closingPlacePrepositionsByLanguage: [String: [String]] = [
        "en": ["from"], "fr": ["de", "depuis"], "de": ["aus", "von"], "es": ["desde", "de"], "it": ["da"],
        "nl": ["uit", "vanuit"], "pt": ["de", "desde", "do", "da"], "pl": ["z", "ze"], "ro": ["din"],
        "sv": ["från"], "hr": ["iz"], "no": ["fra"], "da": ["fra"], "cs": ["z", "ze"], "ru": ["из"],
        "uk": ["з", "із"], "ca": ["des de"], "hu": [], "fi": [], "el": ["από"], "tr": [], "ja": [], "zh": [],
    ]

    /// "Sent from my iPhone" and the like, per language.
    static let mobileByLanguage: [String: [MobileLinePattern]] = [
        "en": [.init("sent from my "), .init("sent from ", device: true), .init("get outlook for "),
               .init("sent with ", device: true), .init("sent via ", device: true), .init("sent using ", device: true),
               .init("sent on my "), .init("sent from mail for windows")],
        "fr": [.init("envoyé de mon "), .init("envoyé depuis mon "), .init("envoyé depuis ", device: true),
               .init("envoyé de ", device: true), .init("envoyé à partir de ", device: true),
               .init("obtenir outlook pour "), .init("téléchargez outlook pour ")],
        "de": [.init("von meinem ", "gesendet"), .init("gesendet von meinem "), .init("gesendet von ", device: true),
               .init("gesendet mit ", device: true), .init("outlook für ", "herunterladen"),
               .init("von ", "gesendet", device: true)],
        "es": [.init("enviado desde mi "), .init("enviado desde ", device: true), .init("obtener outlook para ")],
        "it": [.init("inviato dal mio "), .init("inviato da ", device: true), .init("scarica outlook per "), .init("ottieni outlook per ")],
        "nl": [.init("verzonden met mijn "), .init("verzonden vanaf mijn "), .init("verstuurd vanaf mijn "),
               .init("verzonden vanuit ", device: true), .init("verzonden met ", device: true),
               .init("outlook voor ", "downloaden")],
        "pt": [.init("enviado do meu "), .init("enviado de meu "), .init("enviada do meu "),
               .init("enviado do ", device: true), .init("enviado a partir do ", device: true),
               .init("obter o outlook para "), .init("baixe o outlook para ")],
        "pl": [.init("wysłane z mojego "), .init("wysłane z ", device: true), .init("wysłano z ", device: true),
               .init("wysłane przy użyciu ", device: true), .init("pobierz outlook dla "),
               .init("pobierz aplikację outlook dla "), .init("pobierz program outlook dla ")],
        "ro": [.init("trimis de pe ", device: true), .init("trimis din ", device: true),
               .init("obțineți outlook pentru "), .init("descărcați outlook pentru ")],
        "sv": [.init("skickat från min "), .init("skickades från min "), .init("skickat från ", device: true),
               .init("hämta outlook för "), .init("skickat med ", device: true)],
        "tr": [.init("", "'umdan gönderildi"), .init("", "’umdan gönderildi"), .init("", "'dan gönderildi", device: true),
               .init("", "'den gönderildi", device: true), .init("", "’dan gönderildi", device: true),
               .init("", "cihazımdan gönderildi"),
               .init("", "telefonumdan gönderildi"), .init("", "tabletimden gönderildi"),
               .init("", " için outlook'u edinin", device: true), .init("", " için outlook’u edinin", device: true)],
        "hr": [.init("poslano s mog "), .init("poslano sa mog "), .init("poslano s ", device: true),
               .init("poslano iz ", device: true),
               .init("poslano sa ", device: true), .init("preuzmite outlook za ")],
        "ja": [.init("", "から送信", device: true), .init("", "から送信しました", device: true),
               .init("", "を入手", device: true)],
        "zh": [.init("从我的", "发送"), .init("发自我的"), .init("從我的", "傳送"), .init("從我的", "寄出"),
               .init("发自", device: true), .init("發自我的")],
        "no": [.init("sendt fra min "), .init("sendt fra ", device: true)],
        "da": [.init("sendt fra min "), .init("sendt fra ", device: true)],
        "ru": [.init("отправлено с моего "), .init("отправлено с ", device: true), .init("отправлено из ", device: true)],
        "uk": [.init("надіслано з мого "), .init("надіслано з ", device: true)],
        "ca": [.init("enviat des del meu "), .init("enviat des de ", device: true)],
        "hu": [.init("", "-ról küldve", device: true), .init("", "-ről küldve", device: true),
               .init("küldve ", device: true)],
        "ko": [.init("", "에서 보냄", device: true), .init("", "에서 보냈습니다", device: true)],
        "cs": [.init("odesláno z mého "), .init("odesláno z ", device: true)],
        "fi": [.init("lähetetty ", device: true)],
        "el": [.init("στάλθηκε από ", device: true)],
    ]

    /// Devices and mail apps named by "sent from" lines (lowercase stems).
    static let devices: [String] = [
        "iphone", "ipad", "android", "samsung", "galaxy", "outlook", "yahoo", "gmail", "blackberry",
        "huawei", "xiaomi", "mobile", "smartphone", "handy", "móvil", "movil", "cellulare", "telefon", "telefone",
        "telefoon", "телефон", "смартфон", "手机", "携帯", "スマートフォン", "windows", "aol", "proton", "spark",
        "airmail", "sparrow", "superhuman", "edison", "bluemail", "ios", "motorola", "nokia", "pixel", "oneplus",
        "sony", "htc", "tablet", "surface", "thunderbird", "macbook", "apple watch", "gmx", "web.de", "t-online",
        "laposte", "libero", "virgilio", "wp.pl", "onet", "interia", "yandex", "mail.ru", "qq", "163",
        "foxmail", "docomo", "ezweb", "softbank", "naver", "daum", "seznam", "posteo", "zoho", "fastmail",
        "boxer", "newton", "canary", "tutanota", "icloud", "hotmail", "mail for windows", "mail app", "移动", "手機", "폰", "갤럭시",
    ]

    /// How legal disclaimers start, per language.
    static let disclaimersByLanguage: [String: [String]] = [
        "en": ["this email and any attachments", "this e-mail and any attachments", "this message and any attachments",
               "this email is confidential", "this e-mail is confidential", "this message is confidential",
               "this email message", "this e-mail message", "the information contained in this",
               "the information in this email", "the information in this e-mail", "confidentiality notice",
               "confidentiality note", "disclaimer", "privileged and confidential", "this communication is confidential",
               "this message contains confidential", "this email contains confidential", "this e-mail contains",
               "this message may contain", "this email may contain", "this e-mail may contain",
               "if you are not the intended recipient", "notice:", "important notice"],
        "fr": ["ce message et toutes les pièces jointes", "ce message et les pièces jointes", "ce message et ses pièces jointes",
               "ce courriel et", "ce courrier électronique", "ce message est confidentiel", "ce message électronique",
               "les informations contenues dans ce message", "ce message ainsi que", "avertissement",
               "si vous n'êtes pas le destinataire",
               "ce message contient des informations"],
        "de": ["diese e-mail enthält vertrauliche", "diese nachricht enthält vertrauliche", "diese e-mail ist vertraulich",
               "diese e-mail kann vertrauliche", "diese nachricht ist vertraulich", "diese e-mail und alle anhänge",
               "wenn sie nicht der richtige adressat sind", "vertraulichkeitshinweis", "haftungsausschluss",
               "der inhalt dieser e-mail", "diese e-mail-nachricht"],
        "es": ["este mensaje y sus anexos", "este mensaje y sus adjuntos", "este correo electrónico y",
               "este mensaje es confidencial", "este correo es confidencial", "la información contenida en este",
               "este mensaje contiene información", "aviso de confidencialidad", "aviso legal",
               "si usted no es el destinatario", "este mensaje se dirige exclusivamente", "en cumplimiento de",
               "de conformidad con", "confidencialidad:", "este mensaje y los archivos", "este mensaje y sus archivos"],
        "it": ["le informazioni contenute in questo messaggio", "questo messaggio e i suoi allegati",
               "questa e-mail e i suoi allegati", "questo messaggio è confidenziale", "il presente messaggio",
               "questa email è destinata", "ai sensi del", "informativa privacy", "questo messaggio contiene informazioni",
               "le informazioni contenute nella presente", "questo messaggio e gli eventuali allegati",
               "questa e-mail e gli eventuali allegati", "questa email e gli eventuali allegati",
               "le informazioni contenute in questa", "questo messaggio di posta elettronica"],
        "nl": ["dit e-mailbericht is", "dit bericht is uitsluitend bestemd", "de informatie verzonden in dit e-mailbericht",
               "de informatie in dit bericht", "dit bericht kan vertrouwelijke", "dit e-mailbericht en eventuele bijlagen",
               "disclaimer:", "deze e-mail is uitsluitend bestemd", "aan dit bericht kunnen geen rechten",
               "de informatie verzonden met dit", "de informatie in deze e-mail", "dit bericht en eventuele bijlagen"],
        "pt": ["esta mensagem e seus anexos", "esta mensagem e os seus anexos", "esta mensagem é confidencial",
               "as informações contidas nesta mensagem", "esta mensagem pode conter", "este e-mail e seus anexos",
               "aviso de confidencialidade", "esta mensagem, incluindo os seus anexos", "esta mensagem, incluindo seus anexos",
               "esta mensagem e quaisquer anexos", "este e-mail e quaisquer anexos", "aviso legal"],
        "pl": ["ta wiadomość", "treść tej wiadomości", "niniejsza wiadomość", "wiadomość ta jest",
               "informacje zawarte w tej wiadomości", "ta wiadomość e-mail", "zastrzeżenie", "informacja zawarta w",
               "niniejsza korespondencja", "klauzula poufności"],
        "ro": ["acest mesaj", "acest e-mail", "informațiile conținute", "informatiile continute",
               "acest mesaj și anexele", "acest mesaj este confidențial", "notă de confidențialitate",
               "nota de confidentialitate", "confidențialitate:", "confidentialitate:", "informațiile din acest",
               "informatiile din acest"],
        "sv": ["detta e-postmeddelande", "detta meddelande", "informationen i detta", "detta e-brev",
               "om du inte är avsedd mottagare", "om du inte är rätt mottagare", "om du har fått detta"],
        "tr": ["bu e-posta ve ekleri", "bu e-posta mesajı", "bu e-posta", "bu mesaj ve ekleri", "bu mesaj gizli",
               "yasal uyarı", "bu elektronik posta", "bu ileti", "bu e-posta iletisi",
               "gizlilik uyarısı", "bu mesaj ve içeriği"],
        "hr": ["ova poruka", "ova e-mail poruka", "ova elektronička poruka", "informacije sadržane u ovoj poruci",
               "ova e-poruka", "sadržaj ove", "napomena o povjerljivosti", "izjava o odricanju"],
        "ja": ["本メールは", "このメールは", "本メールには", "本電子メール", "このメールには", "本メールの内容",
               "このメッセージは", "本メールおよび", "本メール及び", "このメールおよび",
               "このメール及び", "本電子メールおよび", "【機密", "機密保持"],
        "zh": ["本邮件", "此邮件", "本電子郵件", "本郵件", "此电子邮件", "本电子邮件", "免责声明", "保密声明", "免責聲明", "保密聲明", "機密聲明", "此電子郵件",
               "本邮件及其附件", "本郵件及其附件"],
        "no": ["denne e-posten", "denne meldingen", "informasjonen i denne"],
        "da": ["denne e-mail", "denne meddelelse", "oplysningerne i denne"],
        "ru": ["это сообщение", "данное сообщение", "настоящее сообщение", "информация, содержащаяся в"],
        "uk": ["це повідомлення", "дане повідомлення", "інформація, що міститься"],
        "ca": ["aquest missatge", "aquest correu"],
        "hu": ["ez az e-mail", "ez az üzenet", "ez a levél"],
        "ko": ["본 메일은", "이 메일은", "본 이메일은"],
        "cs": ["tato zpráva", "tento e-mail", "tento email"],
        "fi": ["tämä viesti", "tämä sähköposti"],
        "el": ["το παρόν μήνυμα", "αυτό το μήνυμα"],
    ]

    /// Words of which at least one appears in a real disclaimer, whatever its opening ("confidential",
    /// "intended recipient"); stems, so that every inflection matches.
    static let confidentialityWords: [String] = [
        "confiden", "intended recipient", "privileg", "destinataire", "vertraulich", "adressat", "empfänger",
        "destinatario", "riservat", "vertrouwelijk", "geadresseerde", "bestemd", "destinatário", "sigilo",
        "poufn", "adresat", "odbiorc", "destinatar", "konfidentiell", "mottagare", "sekretess", "gizli", "alıcı",
        "povjerljiv", "primatelj", "機密", "秘密", "受信者", "宛先", "保密", "机密", "機密", "收件人", "收件者",
        "konfidensiell", "fortrolig", "mottaker", "modtager", "конфиденц", "адресат", "конфіденц", "bizalmas",
        "címzett", "기밀", "수신자", "důvěrn", "adresát", "luottamuksellinen", "vastaanottaja", "εμπιστευτικ",
        "παραλήπτ", "disclaimer", "legal", "unauthori", "prohibited", "strictly",
    ]

    /// Closings of all languages.
    static let closings: Set<String> = Set(closingsByLanguage.values.joined())
    /// Place prepositions of all languages.
    static let closingPlacePrepositions: Set<String> = Set(closingPlacePrepositionsByLanguage.values.joined())
    /// Mobile lines of all languages.
    static let mobileLines: [MobileLinePattern] = Array(mobileByLanguage.values.joined())
    /// Mobile line patterns by the first character of their prefix; those without a prefix under nil.
    static let mobileLinesByFirstCharacter: [Character?: [MobileLinePattern]] =
        Dictionary(grouping: mobileLines) { $0.prefix.first }
    /// ``mobileLinesByFirstCharacter`` for the 128 ASCII characters, indexed by the character's byte: no hashing
    /// of a `Character` for the common lines.
    static let mobileLinesByASCIIFirst: [[MobileLinePattern]] = (0..<128).map { byte in
        mobileLinesByFirstCharacter[Character(Unicode.Scalar(UInt8(byte)))] ?? []
    }
    /// ``disclaimersByFirstCharacter`` for the 128 ASCII characters, indexed by the character's byte.
    static let disclaimersByASCIIFirst: [[String]] = (0..<128).map { byte in
        disclaimersByFirstCharacter[Character(Unicode.Scalar(UInt8(byte)))] ?? []
    }
    /// Mobile line patterns without a prefix (tried on every line).
    static let mobileLinesWithoutPrefix: [MobileLinePattern] = mobileLinesByFirstCharacter[nil] ?? []
    /// Disclaimer openings of all languages.
    static let disclaimers: [String] = Array(Set(disclaimersByLanguage.values.joined()))
    /// Disclaimer openings by their first character, so that a line is compared with a handful only.
    static let disclaimersByFirstCharacter: [Character: [String]] = Dictionary(grouping: disclaimers) { $0.first ?? " " }
}
