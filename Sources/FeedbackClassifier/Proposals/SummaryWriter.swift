/// Writes the one-line summary of a reply in the collector's language: intent, items, dates and amounts
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
    ]

    func summary(of r: ReplyInterpretation) -> String {
        let w = Self.tables[language] ?? Self.tables["en"]!
        func date(_ d: LocalDate) -> String { "\(d.day) \(w.months[d.month - 1]) \(d.year)" }
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
