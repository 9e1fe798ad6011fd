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

    /// One row compiled for search. A class: the detector walks every row for every message, and a struct row would
    /// retain and release each of its arrays at each step.
    final class Compiled: Sendable {
        let language: String
        let subjects: [String]
        let body: PhraseList
        let hints: PhraseList

        init(language: String, subjects: [String], body: PhraseList, hints: PhraseList) {
            self.language = language
            self.subjects = subjects
            self.body = body
            self.hints = hints
        }
    }

    /// ``all`` compiled once.
    static let compiled: [Compiled] = all.map {
        Compiled(language: $0.language, subjects: $0.subjects, body: PhraseList($0.body), hints: PhraseList($0.hints))
    }

    /// Every language's body phrases, then every language's hints, for one search pass: a found index below
    /// ``BodyAndHints/bodyCount`` is a body phrase, the others hint entries.
    static let bodyAndHints = BodyAndHints(body: all.flatMap(\.body), hints: all.flatMap(\.hints))

    /// ``bodyAndHints``'s type: the index and where the hints start in it.
    struct BodyAndHints: Sendable {
        let index: PhraseIndex
        let bodyCount: Int

        init(body: [String], hints: [String]) {
            index = PhraseIndex(body + hints)
            bodyCount = body.count
        }

        /// ``PhraseIndex/forEachMatch(in:_:)`` over body phrases and hints.
        @discardableResult
        func forEachMatch(in text: PhraseText, _ found: (Int) -> Bool) -> Bool { index.forEachMatch(in: text, found) }
    }

    /// The table, one language a row. A new language is a new row.
    static let all: [AutoReplyPhrases] = [
        AutoReplyPhrases(language: "en", subjects: [
            "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
            "autoresponse", "out of office", "out of the office", "out-of-office", "away from the office",
            "vacation reply", "on vacation", "on leave", "away from my desk", "annual leave", "absence notice",
        ], body: [
            "out of the office", "out of office", "away from the office", "i am away", "i'm away",
            "i am currently away", "i'm currently away", "on annual leave", "on parental leave",
            "on maternity leave", "on paternity leave", "on sick leave", "limited access to email",
            "limited access to e-mail", "no access to email", "without access to email", "will be back on",
            "return to the office", "will respond when i", "will reply when i", "away until",
            "out until", "office is closed", "offices are closed", "office will be closed",
            "this is an automatic reply", "this is an automated reply", "this is an automated response",
            "this is an automatic response", "this mailbox is not monitored", "this mailbox is no longer monitored",
            "we have received your email", "we have received your message", "we received your email",
            "your request has been received", "auto-reply", "autoreply", "automatic reply",
            "no longer in use", "no longer monitored", "not monitored", "is not monitored", "your email has been received", "your message has been received", "do not reply to this", "automatically generated", "will respond within", 
        ], hints: [
            "i will be back", "i'll be back", "on holiday", "on leave", "returning on", "upon my return",
            "on my return", "when i return", "reply as soon as possible", "thank you for contacting", "your ticket",
            "no longer with", "at a conference", "i am travelling", "i'm travelling", "i am traveling",
            "i'm traveling",
            "back in the office", "on vacation",
        ]),
        AutoReplyPhrases(language: "fr", subjects: [
            "réponse automatique", "reponse automatique", "absence", "absent du bureau", "message d'absence",
            "réponse auto", "en congé", "en congés",
        ], body: [
            "je suis absent", "je suis absente", "je serai absent", "je serai absente", "absent du bureau",
            "absente du bureau", "de retour le", "serai de retour", "dès mon retour",
            "nos bureaux sont fermés", "nous sommes fermés", "fermeture annuelle", "réponse automatique",
            "message automatique", "je n'aurai pas accès", "ne sera pas transféré", "réouverture le",
            "en arrêt maladie", "en congé maternité",
            "généré automatiquement", "genere automatiquement", "a bien été enregistrée", "n'est plus utilisée", "n'est plus active", "n'est plus consultée", "n'est plus surveillée", 
            "je suis en congé", "je suis en congés", "je serai en congé",
            "je suis en vacances", "je serai en vacances", "je suis actuellement en",
        ], hints: [
            "en déplacement", "à mon retour", "a mon retour", "dès notre retour", "à notre retour", "accès limité",
            "en vacances",
            "en congé", "en congés",
        ]),
        AutoReplyPhrases(language: "de", subjects: [
            "automatische antwort", "abwesenheitsnotiz", "abwesenheit", "abwesend", "automatische rückantwort",
            "autom. antwort", "außer haus", "nicht im büro", "urlaub",
        ], body: [
            "nicht im büro", "nicht im hause", "nicht im haus", "außer haus", "ausser haus", "abwesend", 
            "urlaubsbedingt", "wieder im büro", "wieder erreichbar", "wieder für sie da",
            "bin ich wieder", "automatisch generierte nachricht", "automatische antwort", "nicht weitergeleitet",
            "nicht mehr betreut", "nicht überwacht", "wird nicht überwacht", "auf dienstreise", "eingeschränkten zugriff", "nicht mehr in gebrauch", "nicht mehr aktiv", "ihre e-mail ist bei uns eingegangen", "ihre nachricht ist bei uns eingegangen", "in elternzeit", "in mutterschutz",
            "ich bin im urlaub", "bin ich im urlaub", "ich bin nicht erreichbar",
        ], hints: [
            "geschlossen", "nicht erreichbar", "bin wieder", "wieder zurück", "dienstreise", "elternzeit",
            "eingeschränktem zugriff", "keinen zugriff", "abwesenheit",
            "im urlaub", "in urlaub", "nicht erreichbar",
        ]),
        AutoReplyPhrases(language: "es", subjects: [
            "respuesta automática", "respuesta automatica", "fuera de la oficina", "fuera de oficina", "ausente",
            "mensaje automático", "vacaciones",
        ], body: [
            "fuera de la oficina", "fuera de oficina", "estoy de vacaciones", "estaré de vacaciones", "estaré fuera",
            "estare fuera", "estoy fuera", "estaré ausente", "estoy ausente", "a mi regreso", "estaré de vuelta",
            "sin acceso al correo", "respuesta automática", "mensaje automático", "permanecerá cerrada",
            "no será reenviado",
            "ya no está operativa", "no se revisa", "no está monitorizado", "hemos recibido su correo", "hemos recibido tu correo", "ha sido recibido", "no volveré hasta", "de baja por", "tiempo estimado de respuesta", "ya no está en uso",
            "estoy de baja", "contestaremos a su correo", "estoy fuera de",
        ], hints: [
            "de baja", "vuelvo el", "regreso el", "a mi vuelta", "acceso limitado", "contestaremos", "retomaremos",
        ]),
        AutoReplyPhrases(language: "it", subjects: [
            "risposta automatica", "fuori ufficio", "fuori sede", "assente", "messaggio automatico", "in ferie",
        ], body: [
            "fuori ufficio", "fuori sede", "sono in ferie", "sono assente", "sarò assente", "saro assente",
            "rientrerò", "rientrero", "al mio rientro", 
            "risposta automatica", "messaggio automatico",
            "non è più monitorata", "non è presidiata", "non è monitorata", "è stato dismesso", "ricontatterà", "non è più attivo", "non è più attiva",
            "l'ufficio sarà chiuso", "l'ufficio resterà chiuso",
            "il suo messaggio è stato ricevuto", "sono in congedo", "la posta non viene letta",
        ], hints: [
            "in trasferta", "rientro il", "accesso limitato", "riapriremo", "riapertura", "in congedo",
            "siamo chiusi", "sarà chiuso", "resterà chiuso",
        ]),
        AutoReplyPhrases(language: "nl", subjects: [
            "automatisch antwoord", "afwezig", "afwezigheid", "afwezigheidsmelding", "niet aanwezig", "buiten kantoor",
            "out of office",
        ], body: [
            "ik ben afwezig", "ben ik afwezig", "niet aanwezig", "buiten kantoor",
            "ben ik weer", "weer aanwezig", "weer bereikbaar", "niet doorgestuurd", "automatisch antwoord",
            "ticketnummer", "automatisch gegenereerd", "niet gemonitord", "in goede orde ontvangen", "hebben uw vraag ontvangen", "hebben uw bericht ontvangen", "niet meer in gebruik",
            "ik ben op vakantie", "ik ben met vakantie",
            "wij reageren zo snel mogelijk op uw bericht",
        ], hints: [
            "afwezig", "gesloten", "weer terug", "niet bereikbaar", "zomerverlof",
            "met vakantie", "op vakantie",
        ]),
        AutoReplyPhrases(language: "pt", subjects: [
            "resposta automática", "resposta automatica", "ausente", "fora do escritório", "ausência", "férias",
        ], body: [
            "fora do escritório", "fora do escritorio", "estou de férias", "estou em férias", "estarei ausente",
            "estou ausente", "ausente do escritório", "no meu regresso", "no meu retorno", "resposta automática",
            "mensagem automática", "estaremos fechados",
            "não é monitorizado", "não é mais monitorada", "não é monitorada", "licença-maternidade", "licença maternidade", "saindo de férias", "volto dia", "encerrados para férias", "não estou no escritório", "regresso no dia", "recebemos o seu e-mail", "recebemos sua mensagem",
        ], hints: [
            "de volta", "quando voltar", "acesso limitado", "acesso restrito", "em licença", "regresso a",
            "de volta",
        ]),
        AutoReplyPhrases(language: "pl", subjects: [
            "odpowiedź automatyczna", "odpowiedz automatyczna", "automatyczna odpowiedź", "nieobecność",
            "nieobecnosc", "poza biurem", "urlop",
        ], body: [
            "jestem na urlopie", "na urlopie", "poza biurem", "nieobecność", "nieobecny", "nieobecna",
            "nie będzie mnie", "automatyczna odpowiedź", "odpowiedź automatyczna", "nie są przekazywane",
            "biuro będzie zamknięte",
            "zostało zarejestrowane", "prosimy nie odpowiadać", "nie jest monitorowana", "nie jest już używany", "otrzymaliśmy twoją wiadomość", "otrzymaliśmy państwa wiadomość",
        ], hints: [
            "wracam", "powrocie", "po powrocie", "ograniczony dostęp",
        ]),
        AutoReplyPhrases(language: "ro", subjects: [
            "răspuns automat", "raspuns automat", "absent", "în afara biroului", "concediu",
        ], body: [
            "sunt în concediu", "sunt in concediu", "absent din birou", "în afara biroului",
            "in afara biroului", "nu sunt redirecționate", "răspuns automat", "raspuns automat",
            "nemonitorizat", "mesaj automat", "nu mai este activă", "nu mai este activa",
            "sunt în concediu",
            "mesajul dumneavoastră a fost primit",
        ], hints: [
            "revin", "mă întorc", "ma intorc", "acces limitat", "voi reveni",
            "în concediu",
        ]),
        AutoReplyPhrases(language: "sv", subjects: [
            "automatiskt svar", "frånvarande", "frånvaro", "semester", "ej på kontoret",
        ], body: [
            "jag är på semester", "jag är ledig", "tjänstledig", "föräldraledig", "frånvarande",
            "automatiskt svar", "inte på kontoret", "vidarebefordras inte",
            "bevakas inte", "vi har tagit emot ditt meddelande", "ärendenummer", "används inte längre",
            "jag är på semester",
        ], hints: [
            "tillbaka den", "åter den", "är åter", "är tillbaka", "begränsad tillgång",
            "på semester",
        ]),
        AutoReplyPhrases(language: "tr", subjects: [
            "otomatik yanıt", "otomatik yanit", "otomatik cevap", "ofis dışında", "izinde",
        ], body: [
            "yıllık izindeyim", "izindeyim", "ofis dışında", "ofis disinda", "otomatik yanıt", "otomatik cevap",
            "takip edilmemektedir", "izlenmemektedir", "yanıtlamayınız", "izindeyim", "mesajınız alınmıştır",
        ], hints: [
            "ofisimiz", "kapalıdır", "döndüğümde", "dönüşümde", "tatil", "izinli",
        ]),
        AutoReplyPhrases(language: "hr", subjects: [
            "automatski odgovor", "odsutan", "odsutna", "izvan ureda", "godišnji odmor",
        ], body: [
            "godišnjem*odmoru", "godisnjem*odmoru", "sam na bolovanju", "odsutan sam", "odsutna sam", "izvan ureda", "nisam u uredu",
            "automatski odgovor", "ne prosljeđuju", "ured je zatvoren",
            "se ne prati", "zaprimili smo vašu poruku", "broj vašeg zahtjeva", "više nije aktivna", "više se ne koristi",
        ], hints: [
            "vraćam se", "ponovno radimo",
        ]),
        AutoReplyPhrases(language: "ja", subjects: [
            "自動応答", "自動返信", "不在", "休暇", "自動送信", "休業",
        ], body: [
            "不在にしております", "自動返信", "自動応答", "自動送信", "出張中", "受付時間外",
            "使用されておりません", "産休", "育休", "受け付けました", "返信はできません", "返信できません",
        ], hints: [
            "不在", "休暇", "休業", "順次対応", "順次ご返信", "出社いたします",
        ]),
        AutoReplyPhrases(language: "zh", subjects: [
            "自动回复", "自動回覆", "自动答复", "休假", "不在办公室", "外出",
        ], body: [
            "自动回复", "自動回覆", "不在办公室", "不能及时回复", "无法及时回复",
            "已停止使用", "不接收回复", "系统发信", "请勿回复", "已收到您的邮件",
            "邮件回复可能会延迟", "期间请联系", "我目前在",
        ], hints: [
            "休假", "放假", "出差", "回到办公室", "正式上班", "统一处理",
        ]),
    ]
}
