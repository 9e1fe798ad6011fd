/// Words and stems that carry an intent, grouped into concepts shared by the 14 languages, so that what the model
/// learns from a French "payé" also holds for a Polish "zapłacone". Folded and accent-free; a stem ending in `*`
/// matches any word it starts; CJK entries match as substrings. A new language adds its words to each concept.
enum IntentCues {
    static let concepts: [String: [String]] = [
        // Payment already made.
        "paid": [
            "paid", "payed", "settled", "remitted", "remittance", "cleared", "wired", "transferred", "sent the payment",
            "paye", "payee", "payees", "regle", "reglee", "reglees", "vire", "viree", "acquitte",
            "bezahlt", "beglichen", "uberwiesen", "gezahlt", "angewiesen",
            "pagado", "pagada", "pagadas", "abonado", "abonada", "transferido", "liquidado", "liquidada",
            "pagato", "pagata", "pagate", "saldato", "saldata", "bonificato", "versato", "effettuato",
            "betaald", "overgemaakt", "voldaan", "overgeboekt",
            "pago", "paga", "pagos", "pagamos", "liquidada", "quitado", "quitada", "transferimos",
            "zaplacone", "zaplacona", "zaplacilismy", "zaplacil*", "oplacon*", "uregulowan*", "przelalismy", "wplacil*",
            "platit", "platita", "platite", "achitat", "achitata", "achitate", "am platit", "am achitat", "virat",
            "betalt", "betalda", "betalade", "overfort", "overforts",
            "odendi", "odedik", "odenmistir", "yatirdik", "yatirildi", "havale ettik", "gonderdik",
            "placeno", "placena", "platili", "platio", "uplatili", "uplaceno", "podmireno",
            "支払済", "支払いました", "振り込みました", "振込済", "入金しました", "送金しました", "お支払い済",
            "已付", "已经付", "已支付", "已转账", "已汇款", "付过了", "已经转", "已打款", "已结清", "付清了",
        ],
        // A payment that will be made.
        "will_pay": [
            "will pay", "will be paid", "we'll pay", "shall pay", "will settle", "will transfer", "will remit",
            "will be settled", "scheduled", "will go out", "payment run", "will process", "will clear",
            "paierons", "paierai", "sera paye", "sera payee", "seront payees", "reglerons", "reglerai", "sera regle",
            "sera reglee", "virerons", "programme", "programmee", "prevu", "prevue",
            "bezahlen wir", "zahlen wir", "wird bezahlt", "werden bezahlt", "uberweisen wir", "wird uberwiesen",
            "begleichen wir", "wird beglichen", "eingeplant", "zahllauf",
            "pagaremos", "pagare", "se pagara", "abonaremos", "transferiremos", "programado", "programada", "liquidaremos",
            "pagheremo", "paghero", "verra pagato", "verra pagata", "saldaremo", "faremo il bonifico", "programmato",
            "betalen", "zullen betalen", "wordt betaald", "worden betaald", "maken over", "ingepland", "overmaken",
            "vamos pagar", "pagaremos", "sera pago", "sera paga", "vamos transferir", "agendado", "agendada",
            "zaplacimy", "zaplace", "zostanie oplacon*", "przelejemy", "ureguluje*", "wplacimy",
            "vom plati", "vom achita", "va fi platit*", "va fi achitat*", "vom vira", "programat*",
            "kommer att betala", "betalar vi", "betalas", "kommer att betalas", "betalar",
            "odeyecegiz", "odenecek", "odeme yapacagiz", "yatiracagiz", "gonderecegiz", "planlandi",
            "platit cemo", "platiti cemo", "bit ce placen*", "uplatit cemo", "podmirit cemo", "cemo platiti",
            "お支払いします", "お支払いいたします", "振り込みます", "振込予定", "支払予定", "お振込みいたします", "入金予定",
            "会付", "将支付", "安排付款", "会支付", "付款安排", "会转", "付给你", "前付", "付清",
        ],
        // A dispute or a problem with the goods, the service or the invoice.
        "problem": [
            "damaged", "broken", "defective", "faulty", "wrong", "incorrect", "error", "mistake", "missing", "complaint",
            "dispute", "disputed", "not received", "never received", "never ordered", "not ordered", "returned",
            "endommage*", "casse*", "defectueu*", "errone*", "erreur", "incorrect*", "manquant*", "litige", "reclamation",
            "conteste*", "pas recu", "jamais recu", "non conforme",
            "beschadigt", "kaputt", "defekt", "falsch", "fehler", "fehlerhaft", "reklamation", "beanstand*", "fehlt",
            "fehlen", "nicht erhalten", "nie erhalten", "nicht bestellt", "mangel*", "widerspruch",
            "danad*", "roto", "rota", "defectuos*", "erroneo*", "error", "incorrect*", "falta", "faltan", "reclamacion",
            "disputa", "no recibido", "no hemos recibido", "no pedimos",
            "danneggiat*", "rott*", "difettos*", "errat*", "errore", "sbagliat*", "mancant*", "reclamo", "contestazione",
            "contestiamo", "non ricevut*", "non abbiamo ricevuto", "non conforme",
            "beschadigd", "kapot", "defect", "fout", "foutief", "onjuist", "ontbreekt", "ontbreken", "klacht", "betwist*",
            "niet ontvangen", "niet besteld",
            "danificad*", "partid*", "defeituos*", "errad*", "erro", "incorret*", "faltam", "reclamacao", "nao recebemos",
            "uszkodzon*", "wadliw*", "bledn*", "blad", "niepoprawn*", "brakuje", "reklamacj*", "nie otrzymalismy",
            "deteriorat*", "defect*", "gresit*", "eroare", "incorect*", "lipsa", "lipsesc", "reclamatie", "nu am primit",
            "skadad*", "trasig*", "felaktig*", "fel", "saknas", "reklamation", "inte fatt", "inte mottagit",
            "hasarli", "bozuk", "kusurlu", "hatali", "yanlis", "eksik", "sikayet", "itiraz", "teslim almadik",
            "ostecen*", "neispravn*", "pogresn*", "greska", "nedostaje", "reklamacij*", "nismo primili",
            "破損", "不良", "間違", "誤り", "不足", "届いていません", "未着", "クレーム", "異議",
            "损坏", "破损", "质量问题", "错误", "不对", "少了", "缺少", "没收到", "未收到", "投诉", "有问题", "不符",
        ],
        // The customer will not pay, or withholds.
        "refuse": [
            "will not pay", "won't pay", "refuse", "withhold", "on hold", "until we receive", "until the credit note",
            "ne paierons pas", "refusons", "bloque*", "en attente de", "tant que",
            "nicht bezahlen", "zahlen nicht", "verweigern", "zuruckgehalten", "gesperrt", "bis wir",
            "no pagaremos", "no vamos a pagar", "retenido", "bloquead*", "hasta que",
            "non pagheremo", "bloccat*", "finche", "sospes*",
            "niet betalen", "betalen niet", "geblokkeerd", "totdat", "tot we",
            "nao vamos pagar", "nao pagaremos", "bloquead*", "ate que",
            "nie zaplacimy", "wstrzymujemy", "wstrzyman*", "dopoki",
            "nu vom plati", "nu platim", "blocat*", "pana cand",
            "betalar inte", "kommer inte att betala", "vantar med", "tills",
            "odemeyecegiz", "odemeyiz", "bekletiyoruz", "durdurduk",
            "necemo platiti", "ne placamo", "zadrzavamo", "dok ne",
            "支払いできません", "支払えません", "保留", "不付", "不会付", "暂停付款", "暂不付款", "拒付",
        ],
        "credit_note": ["credit note", "credit memo", "avoir", "gutschrift", "nota de credito", "nota di credito",
                        "creditnota", "creditfactuur", "nota de credito", "korekt*", "nota de creditare", "kreditnota",
                        "kredit faturasi", "iade faturasi", "odobrenje", "knjizno odobrenje", "赤伝", "红字发票", "红冲"],
        "copy": [
            "copy", "resend", "send again", "duplicate", "statement", "pdf", "send us the invoice", "send me the invoice",
            "copie", "duplicata", "renvoyer", "releve", "kopie", "erneut senden", "nochmal senden", "zusenden",
            "kontoauszug", "copia", "reenviar", "enviar de nuevo", "duplicado", "estado de cuenta", "inviare di nuovo",
            "rimandare", "estratto conto", "opnieuw sturen", "nogmaals sturen", "rekeningoverzicht", "copia",
            "reenviar", "segunda via", "extrato", "kopia", "kopie", "ponownie", "wyciag", "duplikat", "copie", "retrimite",
            "extras", "kopia", "skicka igen", "skicka om", "kontoutdrag", "kopya", "tekrar gonder", "yeniden gonder",
            "ekstre", "kopija", "ponovno poslati", "izvod", "控え", "再送", "再発行", "写し", "副本", "重新发送", "再发",
            "补发", "对账单", "resent", "never got the invoice", "didn't receive the invoice", "pas recu la facture",
        ],
        "plan": [
            "instalment", "installment", "payment plan", "schedule", "spread", "extension", "more time", "defer",
            "postpone", "echeancier", "echelonn*", "delai", "report", "mensualit*", "ratenzahlung", "raten", "aufschub",
            "stundung", "zahlungsziel", "plazos", "aplazamiento", "fraccionar", "prorroga", "mas tiempo", "rateizza*",
            "rate", "dilazione", "proroga", "piu tempo", "termijnen", "betalingsregeling", "uitstel", "gespreid",
            "parcelas", "parcelar", "prorrogacao", "mais tempo", "raty", "rozlozenie", "odroczenie", "wiecej czasu",
            "rate", "esalonare", "amanare", "mai mult timp", "avbetalning", "delbetalning", "anstand", "uppskov",
            "taksit", "erteleme", "ek sure", "obrocne", "obroke", "odgoda", "vise vremena", "分割", "延長", "猶予",
            "分期", "延期", "宽限", "缓一缓",
        ],
        "wrong_person": [
            "no longer", "left the company", "not the right", "wrong person", "not responsible", "not my department",
            "please contact", "please write to", "retired", "ne suis plus", "ne travaille plus", "pas le bon",
            "pas en charge", "merci de contacter", "nicht mehr", "nicht zustandig", "falsche ansprechpartner",
            "wenden sie sich", "ya no", "no soy la persona", "no es mi", "contacte con", "non lavoro piu",
            "non sono la persona", "non e di mia competenza", "contattare", "niet meer", "niet de juiste",
            "niet verantwoordelijk", "neem contact op", "ja nao", "nao sou a pessoa", "entre em contato",
            "juz nie", "nie jestem wlasciwa", "nie odpowiadam", "prosze kontaktowac", "nu mai", "nu sunt persoana",
            "va rog contactati", "inte langre", "inte ratt person", "kontakta", "artik", "dogru kisi degil",
            "iletisime gecin", "vise ne", "nisam prava osoba", "obratite se", "退職", "担当ではありません", "担当外",
            "ご連絡ください", "离职", "不负责", "请联系", "不是我负责",
        ],
        "ack": [
            "noted", "received", "thanks for", "thank you for", "will check", "looking into", "forwarded", "passed on",
            "will revert", "will get back", "pris note", "bien recu", "je transmets", "transmis", "nous verifions",
            "je regarde", "erhalten", "zur kenntnis", "weitergeleitet", "wir prufen", "melden uns", "recibido",
            "tomamos nota", "lo reviso", "lo revisamos", "reenviado", "ricevuto", "preso nota", "verifichiamo",
            "inoltrato", "ontvangen", "genoteerd", "doorgestuurd", "we kijken", "recebido", "anotado", "encaminhado",
            "vamos verificar", "otrzymalismy", "przyjalem", "przekazalem", "sprawdzimy", "am primit", "am notat",
            "am transmis", "verificam", "mottagit", "noterat", "vidarebefordrat", "vi kollar", "aldik", "not aldik",
            "ilettim", "kontrol ediyoruz", "zaprimili", "zaprimljeno", "proslijedio", "provjerit cemo", "承知", "確認します",
            "受領", "転送しました", "收到", "已转给", "我们核实", "知道了",
        ],
        "absence": [
            "out of office", "out of the office", "on leave", "on vacation", "on holiday", "away until", "back on",
            "limited access", "absent", "en conges", "de retour", "abwesend", "im urlaub", "nicht im buro",
            "zuruck am", "ausente", "de vacaciones", "fuera de la oficina", "assente", "in ferie", "fuori ufficio",
            "afwezig", "op vakantie", "niet op kantoor", "fora do escritorio", "de ferias", "nieobecn*", "na urlopie",
            "poza biurem", "in concediu", "lipsesc din birou", "franvarande", "pa semester", "izindeyim", "ofis disinda",
            "odsutan", "odsutna", "na godisnjem", "不在", "休暇", "外出", "休假", "不在办公室", "automatic reply",
            "auto-reply", "autoreply", "this mailbox is not monitored", "do not reply", "ticket",
        ],
        "negation": ["not", "no", "never", "ne", "pas", "nicht", "kein", "keine", "nunca", "non", "niet", "geen", "nao",
                     "nie", "nu", "inte", "ej", "degil", "yok", "ne", "nikad", "ない", "ません", "不", "没", "未"],
        "question": ["?", "could you", "can you", "pourriez", "pouvez", "konnten sie", "konnen sie", "podria", "puede",
                     "potreste", "potete", "kunt u", "kunnen jullie", "poderiam", "pode", "czy moga", "puteti",
                     "kan ni", "misiniz", "mozete", "いただけ", "能否", "可以"],
    ]

    /// Exact words and multi-word phrases -> concepts.
    static let phrases: [[String]: [String]] = {
        var out: [[String]: [String]] = [:]
        for (concept, entries) in concepts {
            for entry in entries where !entry.hasSuffix("*") && !isCJK(entry) && entry != "?" {
                out[entry.split(separator: " ").map(String.init), default: []].append(concept)
            }
        }
        return out
    }()

    /// Stems (entries ending in `*`) -> concepts.
    static let stems: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (concept, entries) in concepts {
            for entry in entries where entry.hasSuffix("*") { out[String(entry.dropLast()), default: []].append(concept) }
        }
        return out
    }()

    /// CJK entries -> concepts (matched as substrings).
    static let cjk: [(String, String)] = concepts.flatMap { concept, entries in
        entries.filter(isCJK).map { ($0, concept) }
    }.sorted { $0.0 < $1.0 }

    /// Longest phrase length in words.
    static let longestPhrase = phrases.keys.map(\.count).max() ?? 1

    private static func isCJK(_ s: String) -> Bool { s.unicodeScalars.contains(where: TextFolding.isCJK) }

    /// The concepts found in `words` (folded, accent-free) and `text` (folded, for CJK), with a `not_` variant when a
    /// negation word stands within the three words before.
    static func find(words: [String], folded: String) -> [String] {
        var found: [String] = []
        var lastNegation = -10
        for i in words.indices {
            if phrases[[words[i]]]?.contains("negation") == true { lastNegation = i }
            var matched = false
            for length in stride(from: min(longestPhrase, words.count - i), through: 1, by: -1) {
                if let concepts = phrases[Array(words[i..<(i + length)])] {
                    for c in concepts where c != "negation" { found.append(i - lastNegation <= 3 ? "not_" + c : c) }
                    matched = true
                    break
                }
            }
            if !matched, words[i].count >= 4 {
                var stem = words[i]
                while stem.count >= 4 {
                    if let concepts = stems[stem] {
                        for c in concepts { found.append(i - lastNegation <= 3 ? "not_" + c : c) }
                        break
                    }
                    stem.removeLast()
                }
            }
        }
        if folded.contains("?") || folded.contains("？") { found.append("question") }
        if folded.unicodeScalars.contains(where: TextFolding.isCJK) {
            for (entry, concept) in cjk where folded.contains(entry) { found.append(concept) }
        }
        return found
    }
}
