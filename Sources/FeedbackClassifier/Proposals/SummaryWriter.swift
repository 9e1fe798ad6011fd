/// Writes the one-line summary of a reply in the collector's language (the 14 of DESIGN.md; English otherwise):
/// intent, items, dates and amounts
/// ("Promise to pay F-118 on 15 Dec 2026; dispute on F-121 (delivery)").
struct SummaryWriter {
    var language: String

    struct Words {
        var promise, paid, dispute, request, plan, wrongContact, acknowledgement, autoReply, other: String
        var on, writeTo, backOn, unsure: String
        var reasons: [DisputeReason: String]
        var months: [String]
    }

    static let tables: [String: Words] = [
        "en": Words(promise: "Promise to pay", paid: "Says paid", dispute: "Dispute on", request: "Asks for a copy of",
                    plan: "Asks for a payment plan for", wrongContact: "Wrong contact", acknowledgement: "Acknowledges",
                    autoReply: "Automatic reply", other: "No statement about the invoices", on: "on", writeTo: "write to",
                    backOn: "back on", unsure: "to check",
                    reasons: [.price: "price", .quality: "quality", .delivery: "delivery", .administrative: "administrative"],
                    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
        "fr": Words(promise: "Promesse de paiement", paid: "Dit avoir payé", dispute: "Litige sur",
                    request: "Demande une copie de", plan: "Demande un échéancier pour", wrongContact: "Mauvais contact",
                    acknowledgement: "Accuse réception", autoReply: "Réponse automatique",
                    other: "Rien sur les factures", on: "le", writeTo: "écrire à", backOn: "retour le", unsure: "à vérifier",
                    reasons: [.price: "prix", .quality: "qualité", .delivery: "livraison", .administrative: "administratif"],
                    months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]),
        "de": Words(promise: "Zahlungszusage", paid: "Meldet Zahlung", dispute: "Reklamation zu",
                    request: "Bittet um Kopie von", plan: "Bittet um Ratenzahlung für", wrongContact: "Falscher Kontakt",
                    acknowledgement: "Bestätigt Erhalt", autoReply: "Automatische Antwort",
                    other: "Keine Aussage zu den Rechnungen", on: "am", writeTo: "schreiben an", backOn: "zurück am",
                    unsure: "prüfen",
                    reasons: [.price: "Preis", .quality: "Qualität", .delivery: "Lieferung", .administrative: "Verwaltung"],
                    months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."]),
        "es": Words(promise: "Promesa de pago", paid: "Dice haber pagado", dispute: "Disputa sobre",
                    request: "Pide una copia de", plan: "Pide un plan de pagos para", wrongContact: "Contacto equivocado",
                    acknowledgement: "Acusa recibo", autoReply: "Respuesta automática",
                    other: "Nada sobre las facturas", on: "el", writeTo: "escribir a", backOn: "vuelve el",
                    unsure: "a revisar",
                    reasons: [.price: "precio", .quality: "calidad", .delivery: "entrega", .administrative: "administrativo"],
                    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]),
        "it": Words(promise: "Promessa di pagamento", paid: "Dice di aver pagato", dispute: "Contestazione su",
                    request: "Chiede una copia di", plan: "Chiede una rateizzazione per", wrongContact: "Contatto errato",
                    acknowledgement: "Conferma ricezione", autoReply: "Risposta automatica",
                    other: "Nulla sulle fatture", on: "il", writeTo: "scrivere a", backOn: "rientro il",
                    unsure: "da verificare",
                    reasons: [.price: "prezzo", .quality: "qualità", .delivery: "consegna", .administrative: "amministrativo"],
                    months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]),
        "nl": Words(promise: "Betalingsbelofte", paid: "Zegt betaald te hebben", dispute: "Geschil over",
                    request: "Vraagt een kopie van", plan: "Vraagt een betalingsregeling voor", wrongContact: "Verkeerd contact",
                    acknowledgement: "Bevestigt ontvangst", autoReply: "Automatisch antwoord",
                    other: "Niets over de facturen", on: "op", writeTo: "schrijven naar", backOn: "terug op",
                    unsure: "controleren",
                    reasons: [.price: "prijs", .quality: "kwaliteit", .delivery: "levering", .administrative: "administratief"],
                    months: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]),
        "pt": Words(promise: "Promessa de pagamento", paid: "Diz que pagou", dispute: "Litígio sobre",
                    request: "Pede uma cópia de", plan: "Pede um plano de pagamento para", wrongContact: "Contacto errado",
                    acknowledgement: "Confirma a receção", autoReply: "Resposta automática",
                    other: "Nada sobre as faturas", on: "em", writeTo: "escrever para", backOn: "regressa em",
                    unsure: "a verificar",
                    reasons: [.price: "preço", .quality: "qualidade", .delivery: "entrega", .administrative: "administrativo"],
                    months: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]),
        "pl": Words(promise: "Obietnica zapłaty", paid: "Twierdzi, że zapłacił", dispute: "Spór dotyczący",
                    request: "Prosi o kopię", plan: "Prosi o rozłożenie na raty", wrongContact: "Niewłaściwy kontakt",
                    acknowledgement: "Potwierdza odbiór", autoReply: "Odpowiedź automatyczna",
                    other: "Nic o fakturach", on: "dnia", writeTo: "pisać do", backOn: "wraca", unsure: "do sprawdzenia",
                    reasons: [.price: "cena", .quality: "jakość", .delivery: "dostawa", .administrative: "administracyjny"],
                    months: ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"]),
        "ro": Words(promise: "Promisiune de plată", paid: "Spune că a plătit", dispute: "Litigiu privind",
                    request: "Cere o copie a", plan: "Cere eșalonare pentru", wrongContact: "Contact greșit",
                    acknowledgement: "Confirmă primirea", autoReply: "Răspuns automat",
                    other: "Nimic despre facturi", on: "pe", writeTo: "scrieți la", backOn: "revine pe",
                    unsure: "de verificat",
                    reasons: [.price: "preț", .quality: "calitate", .delivery: "livrare", .administrative: "administrativ"],
                    months: ["ian", "feb", "mar", "apr", "mai", "iun", "iul", "aug", "sep", "oct", "nov", "dec"]),
        "sv": Words(promise: "Betalningslöfte", paid: "Säger sig ha betalat", dispute: "Tvist om",
                    request: "Ber om en kopia av", plan: "Ber om avbetalning för", wrongContact: "Fel kontakt",
                    acknowledgement: "Bekräftar mottagandet", autoReply: "Automatiskt svar",
                    other: "Inget om fakturorna", on: "den", writeTo: "skriv till", backOn: "tillbaka den",
                    unsure: "att kontrollera",
                    reasons: [.price: "pris", .quality: "kvalitet", .delivery: "leverans", .administrative: "administrativ"],
                    months: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]),
        "tr": Words(promise: "Ödeme sözü", paid: "Ödediğini söylüyor", dispute: "İtiraz", request: "Kopya istiyor",
                    plan: "Taksit istiyor", wrongContact: "Yanlış kişi", acknowledgement: "Aldığını onaylıyor",
                    autoReply: "Otomatik yanıt", other: "Faturalar hakkında bir şey yok", on: "tarih", writeTo: "yazın",
                    backOn: "dönüş", unsure: "kontrol edilmeli",
                    reasons: [.price: "fiyat", .quality: "kalite", .delivery: "teslimat", .administrative: "idari"],
                    months: ["Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"]),
        "hr": Words(promise: "Obećanje plaćanja", paid: "Kaže da je platio", dispute: "Spor oko",
                    request: "Traži kopiju", plan: "Traži obročnu otplatu za", wrongContact: "Pogrešan kontakt",
                    acknowledgement: "Potvrđuje primitak", autoReply: "Automatski odgovor",
                    other: "Ništa o računima", on: "dana", writeTo: "pisati na", backOn: "vraća se", unsure: "provjeriti",
                    reasons: [.price: "cijena", .quality: "kvaliteta", .delivery: "isporuka", .administrative: "administrativno"],
                    months: ["sij", "velj", "ožu", "tra", "svi", "lip", "srp", "kol", "ruj", "lis", "stu", "pro"]),
        "ja": Words(promise: "支払約束", paid: "支払済みとの連絡", dispute: "異議", request: "請求書の再送依頼",
                    plan: "分割払いの相談", wrongContact: "担当者違い", acknowledgement: "受領の連絡",
                    autoReply: "自動応答", other: "請求書に関する内容なし", on: "期日", writeTo: "連絡先",
                    backOn: "復帰", unsure: "要確認",
                    reasons: [.price: "価格", .quality: "品質", .delivery: "納品", .administrative: "事務"],
                    months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"]),
        "zh": Words(promise: "承诺付款", paid: "称已付款", dispute: "异议", request: "索取发票副本", plan: "申请分期付款",
                    wrongContact: "联系人有误", acknowledgement: "确认收到", autoReply: "自动回复",
                    other: "未涉及发票", on: "日期", writeTo: "请联系", backOn: "返回", unsure: "待核实",
                    reasons: [.price: "价格", .quality: "质量", .delivery: "交货", .administrative: "行政"],
                    months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"]),
    ]

    func summary(of r: ReplyInterpretation) -> String {
        let w = Self.tables[language] ?? Self.tables["en"]!
        func date(_ d: LocalDate) -> String {
            language == "ja" || language == "zh" ? "\(d.year)年\(d.month)月\(d.day)日" : "\(d.day) \(w.months[d.month - 1]) \(d.year)"
        }
        var parts: [String] = []
        // Group items by intent so that "F-118, F-121" share one clause.
        var order: [Intent] = []
        var groups: [Intent: [ItemProposal]] = [:]
        for item in r.items {
            if groups[item.intent] == nil { order.append(item.intent) }
            groups[item.intent, default: []].append(item)
        }
        if order.isEmpty { order = [r.intent.intent] }
        for intent in order {
            let items = groups[intent] ?? []
            let numbers = items.map(\.number).joined(separator: ", ")
            switch intent {
            case .promiseToPay:
                var clause = "\(w.promise) \(numbers)"
                if let d = items.compactMap(\.promiseDate).min() { clause += " \(w.on) \(date(d))" }
                let amounts = items.compactMap(\.amount)
                if amounts.count == 1, let a = amounts.first { clause += " (\(a))" }
                parts.append(clause.trimmingTrailingSpace())
            case .paymentMade: parts.append("\(w.paid) \(numbers)".trimmingTrailingSpace())
            case .dispute:
                let reason = items.compactMap(\.disputeReason).first ?? r.disputeReason
                parts.append("\(w.dispute) \(numbers)".trimmingTrailingSpace() + (reason.map { " (\(w.reasons[$0]!))" } ?? ""))
            case .invoiceRequest: parts.append("\(w.request) \(numbers)".trimmingTrailingSpace())
            case .paymentPlan: parts.append("\(w.plan) \(numbers)".trimmingTrailingSpace())
            case .wrongContact:
                parts.append(w.wrongContact + (r.redirectContact.map { "; \(w.writeTo) \($0)" } ?? ""))
            case .acknowledgement: parts.append("\(w.acknowledgement) \(numbers)".trimmingTrailingSpace())
            case .autoReply:
                var clause = w.autoReply
                if let d = r.returnDate { clause += "; \(w.backOn) \(date(d))" }
                if let c = r.redirectContact { clause += "; \(w.writeTo) \(c)" }
                parts.append(clause)
            case .other: parts.append(w.other)
            }
        }
        var line = parts.joined(separator: "; ")
        if r.intent.abstained { line += " (\(w.unsure))" }
        return line
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
