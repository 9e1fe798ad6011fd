/// The words of automatic replies, one entry per language: subject prefixes (what mail clients put before the
/// original subject) and body phrases (for the many auto-replies that carry no header). All lower-case;
/// a `*` matches any run of characters within the same message text.
struct AutoReplyPhrases: Sendable {
    /// ISO 639-1 code.
    let language: String
    /// Subject words set by out-of-office tools.
    let subjects: [String]
    /// Body phrases that on their own mark an absence notice or an automatic acknowledgement.
    let body: [String]
    /// Weaker phrases ("I'll be back", "closed"): two of them, or one with a header hint or a return date, are needed.
    let hints: [String]

    /// The table, one language a row. A new language is a new row.
    static let all: [AutoReplyPhrases] = [
        AutoReplyPhrases(language: "en", subjects: [
            "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
            "autoresponse", "out of office", "out of the office", "out-of-office", "away from the office",
            "vacation reply", "on vacation", "on leave", "away from my desk", "annual leave", "absence notice",
        ], body: [
            "out of the office", "out of office", "away from the office", "i am away", "i'm away",
            "i am currently away", "i'm currently away", "on annual leave", "on vacation", "on parental leave",
            "on maternity leave", "on paternity leave", "on sick leave", "limited access to email",
            "limited access to e-mail", "no access to email", "without access to email", "will be back on",
            "back in the office", "return to the office", "will respond when i", "will reply when i", "away until",
            "out until", "office is closed", "offices are closed", "office will be closed",
            "this is an automatic reply", "this is an automated reply", "this is an automated response",
            "this is an automatic response", "this mailbox is not monitored", "this mailbox is no longer monitored",
            "we have received your email", "we have received your message", "we received your email",
            "your request has been received", "auto-reply", "autoreply", "automatic reply",
        ], hints: [
            "i will be back", "i'll be back", "on holiday", "on leave", "returning on", "upon my return",
            "on my return", "when i return", "reply as soon as possible", "thank you for contacting", "your ticket",
            "no longer with", "at a conference", "i am travelling", "i'm travelling", "i am traveling",
            "i'm traveling",
        ]),
        AutoReplyPhrases(language: "fr", subjects: [
            "réponse automatique", "reponse automatique", "absence", "absent du bureau", "message d'absence",
            "réponse auto", "en congé", "en congés",
        ], body: [
            "je suis absent", "je suis absente", "je serai absent", "je serai absente", "absent du bureau",
            "absente du bureau", "en congé", "en congés", "de retour le", "serai de retour", "dès mon retour",
            "nos bureaux sont fermés", "nous sommes fermés", "fermeture annuelle", "réponse automatique",
            "message automatique", "je n'aurai pas accès", "ne sera pas transféré", "réouverture le",
            "en arrêt maladie", "en congé maternité",
        ], hints: [
            "en déplacement", "à mon retour", "a mon retour", "dès notre retour", "à notre retour", "accès limité",
            "en vacances",
        ]),
        AutoReplyPhrases(language: "de", subjects: [
            "automatische antwort", "abwesenheitsnotiz", "abwesenheit", "abwesend", "automatische rückantwort",
            "autom. antwort", "außer haus", "nicht im büro", "urlaub",
        ], body: [
            "nicht im büro", "nicht im hause", "nicht im haus", "außer haus", "ausser haus", "abwesend", "im urlaub",
            "in urlaub", "urlaubsbedingt", "wieder im büro", "wieder erreichbar", "wieder für sie da",
            "bin ich wieder", "automatisch generierte nachricht", "automatische antwort", "nicht weitergeleitet",
        ], hints: [
            "geschlossen", "nicht erreichbar", "bin wieder", "wieder zurück", "dienstreise", "elternzeit",
            "eingeschränktem zugriff", "keinen zugriff", "abwesenheit",
        ]),
        AutoReplyPhrases(language: "es", subjects: [
            "respuesta automática", "respuesta automatica", "fuera de la oficina", "fuera de oficina", "ausente",
            "mensaje automático", "vacaciones",
        ], body: [
            "fuera de la oficina", "fuera de oficina", "estoy de vacaciones", "estaré de vacaciones", "estaré fuera",
            "estare fuera", "estoy fuera", "estaré ausente", "estoy ausente", "a mi regreso", "estaré de vuelta",
            "sin acceso al correo", "respuesta automática", "mensaje automático", "permanecerá cerrada",
            "no será reenviado",
        ], hints: [
            "de baja", "vuelvo el", "regreso el", "a mi vuelta", "acceso limitado", "contestaremos", "retomaremos",
        ]),
        AutoReplyPhrases(language: "it", subjects: [
            "risposta automatica", "fuori ufficio", "fuori sede", "assente", "messaggio automatico", "in ferie",
        ], body: [
            "fuori ufficio", "fuori sede", "sono in ferie", "sono assente", "sarò assente", "saro assente",
            "rientrerò", "rientrero", "al mio rientro", "sarà chiuso", "resterà chiuso", "siamo chiusi",
            "risposta automatica", "messaggio automatico",
        ], hints: [
            "in trasferta", "rientro il", "accesso limitato", "riapriremo", "riapertura", "in congedo",
        ]),
        AutoReplyPhrases(language: "nl", subjects: [
            "automatisch antwoord", "afwezig", "afwezigheid", "afwezigheidsmelding", "niet aanwezig", "buiten kantoor",
            "out of office",
        ], body: [
            "ik ben afwezig", "ben ik afwezig", "met vakantie", "op vakantie", "niet aanwezig", "buiten kantoor",
            "ben ik weer", "weer aanwezig", "weer bereikbaar", "niet doorgestuurd", "automatisch antwoord",
        ], hints: [
            "afwezig", "gesloten", "weer terug", "niet bereikbaar", "zomerverlof",
        ]),
        AutoReplyPhrases(language: "pt", subjects: [
            "resposta automática", "resposta automatica", "ausente", "fora do escritório", "ausência", "férias",
        ], body: [
            "fora do escritório", "fora do escritorio", "estou de férias", "estou em férias", "estarei ausente",
            "estou ausente", "ausente do escritório", "no meu regresso", "no meu retorno", "resposta automática",
            "mensagem automática", "estaremos fechados",
        ], hints: [
            "de volta", "quando voltar", "acesso limitado", "acesso restrito", "em licença", "regresso a",
        ]),
        AutoReplyPhrases(language: "pl", subjects: [
            "odpowiedź automatyczna", "odpowiedz automatyczna", "automatyczna odpowiedź", "nieobecność",
            "nieobecnosc", "poza biurem", "urlop",
        ], body: [
            "jestem na urlopie", "na urlopie", "poza biurem", "nieobecność", "nieobecny", "nieobecna",
            "nie będzie mnie", "automatyczna odpowiedź", "odpowiedź automatyczna", "nie są przekazywane",
            "biuro będzie zamknięte",
        ], hints: [
            "wracam", "powrocie", "po powrocie", "ograniczony dostęp",
        ]),
        AutoReplyPhrases(language: "ro", subjects: [
            "răspuns automat", "raspuns automat", "absent", "în afara biroului", "concediu",
        ], body: [
            "sunt în concediu", "sunt in concediu", "în concediu", "absent din birou", "în afara biroului",
            "in afara biroului", "nu sunt redirecționate", "răspuns automat", "raspuns automat",
        ], hints: [
            "revin", "mă întorc", "ma intorc", "acces limitat", "voi reveni",
        ]),
        AutoReplyPhrases(language: "sv", subjects: [
            "automatiskt svar", "frånvarande", "frånvaro", "semester", "ej på kontoret",
        ], body: [
            "jag är på semester", "på semester", "jag är ledig", "tjänstledig", "föräldraledig", "frånvarande",
            "automatiskt svar", "inte på kontoret", "vidarebefordras inte",
        ], hints: [
            "tillbaka den", "åter den", "är åter", "är tillbaka", "begränsad tillgång",
        ]),
        AutoReplyPhrases(language: "tr", subjects: [
            "otomatik yanıt", "otomatik yanit", "otomatik cevap", "ofis dışında", "izinde",
        ], body: [
            "yıllık izindeyim", "izindeyim", "ofis dışında", "ofis disinda", "otomatik yanıt", "otomatik cevap",
        ], hints: [
            "ofisimiz", "kapalıdır", "döndüğümde", "dönüşümde", "tatil", "izinli",
        ]),
        AutoReplyPhrases(language: "hr", subjects: [
            "automatski odgovor", "odsutan", "odsutna", "izvan ureda", "godišnji odmor",
        ], body: [
            "godišnjem odmoru", "godisnjem odmoru", "odsutan sam", "odsutna sam", "izvan ureda", "nisam u uredu",
            "automatski odgovor", "ne prosljeđuju", "ured je zatvoren",
        ], hints: [
            "vraćam se", "ponovno radimo",
        ]),
        AutoReplyPhrases(language: "ja", subjects: [
            "自動応答", "自動返信", "不在", "休暇", "自動送信", "休業",
        ], body: [
            "不在にしております", "自動返信", "自動応答", "自動送信", "出張中", "受付時間外",
        ], hints: [
            "不在", "休暇", "休業", "順次対応", "順次ご返信", "出社いたします",
        ]),
        AutoReplyPhrases(language: "zh", subjects: [
            "自动回复", "自動回覆", "自动答复", "休假", "不在办公室", "外出",
        ], body: [
            "自动回复", "自動回覆", "不在办公室", "不能及时回复", "无法及时回复",
        ], hints: [
            "休假", "放假", "出差", "回到办公室", "正式上班", "统一处理",
        ]),
    ]
}
