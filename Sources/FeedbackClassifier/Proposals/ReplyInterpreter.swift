/// Turns a reply's visible text into an ``ReplyInterpretation``: language, intent, dispute reason, one proposal per
/// item (per-sentence intents when the reply treats several invoices differently), dates, amounts, contacts and the
/// summary. Pure: text and context in, values out.
public struct ReplyInterpreter: Sendable {
    public var model: FeedbackModel
    /// The collector's language for summaries.
    public var summaryLanguage: String
    /// Confidence an item's own words need for their intent to replace the reply's (several items named).
    public var itemIntentThreshold: Float = 0.5

    public init(model: FeedbackModel, summaryLanguage: String = "en") {
        self.model = model
        self.summaryLanguage = summaryLanguage
    }

    public func interpret(_ text: String, context: ReplyContext) -> ReplyInterpretation {
        let language = context.language ?? LanguageIdentifier.identify(text)
        let intent = model.predictIntent(text)
        let sentences = SentenceSplitter.sentences(text)
        let openNumbers = context.openItems.map(\.number)
        let references = InvoiceReferences.find(in: text, openItems: openNumbers)
        let matched = references.filter(\.matched).map(\.number)
        let monthFirst = language == "en" && context.currency == "USD"
        let dates = DateExtractor(today: context.today, language: language, monthFirst: monthFirst)
        let reason = intent.intent == .dispute ? model.predictDisputeReason(text)?.reason : nil

        // The items named; none named means every open item; with no open items known, the references as written.
        let mentioned = matched.isEmpty && openNumbers.isEmpty ? references.map(\.number) : matched
        // "Die anderen drei Rechnungen ...": the open items not named get the sentences about the others.
        let others = mentioned.isEmpty ? [] : ItemClauses.sentencesAboutOthers(sentences, openItems: openNumbers)
        let unnamed = others.isEmpty ? [] : openNumbers.filter { !mentioned.contains($0) }
        let named = mentioned + unnamed
        let targets = named.isEmpty ? openNumbers : named
        // Which words talk about which item (clauses and the sentences that continue them), when several are named.
        var ownTexts = named.count >= 2 ? ItemClauses.texts(sentences: sentences, openItems: openNumbers) : [:]
        if !unnamed.isEmpty {
            for number in mentioned { ownTexts[number]?.removeAll { others.contains($0) } }
            for number in unnamed { ownTexts[number] = others }
        }
        let perItem = Set(named.compactMap { ownTexts[$0] }).count >= 2
        let itemsWithOwnDates = Set(targets.filter { number in
            (ownTexts[number] ?? []).contains { !dates.dates(in: $0).isEmpty }
        })

        var items: [ItemProposal] = []
        for number in targets {
            let own = ownTexts[number] ?? []
            let open = context.openItems.first { $0.number == number }
            var itemIntent = intent.intent
            var confidence = intent.confidence
            if perItem, !own.isEmpty {
                let local = model.predictIntent(own.joined(separator: " "))
                // A clause's own intent replaces the reply's when it says something about the item: an auto-reply,
                // a wrong contact or "other" is what a whole reply is, not a clause.
                if local.confidence >= itemIntentThreshold, ![.autoReply, .wrongContact, .other].contains(local.intent) {
                    itemIntent = local.intent; confidence = local.confidence
                }
            }
            let scope = !own.isEmpty && (perItem || itemsWithOwnDates.contains(number)) ? own : [text]
            let scopeText = scope.joined(separator: "\n")
            let qualification = Self.qualification(for: itemIntent)
            var promiseDate: LocalDate?
            if qualification == .promiseToPay {
                // Invoice numbers are not dates ("facture 2026-11-004").
                var candidates = dates.dates(in: InvoiceReferences.masking(scopeText, openItems: openNumbers))
                    .filter { $0.date >= context.today }
                if candidates.isEmpty, scope != [text], itemsWithOwnDates.isEmpty {
                    candidates = dates.dates(in: InvoiceReferences.masking(text, openItems: openNumbers))
                        .filter { $0.date >= context.today }
                }
                promiseDate = Self.promiseDate(among: candidates, today: context.today)
            }
            let amount = qualification == .promiseToPay || qualification == .ongoing
                ? PartialAmount.find(in: scopeText, open: open?.amount, currency: context.currency, dates: dates) : nil
            var itemReason: DisputeReason?
            if itemIntent == .dispute {
                itemReason = perItem && !own.isEmpty ? model.predictDisputeReason(own.joined(separator: " "))?.reason ?? reason : reason
            }
            let evidence = evidenceSentence(in: own.isEmpty ? sentences : own, for: itemIntent) ?? sentences.first ?? text
            items.append(ItemProposal(number: number, qualification: qualification, promiseDate: promiseDate, amount: amount,
                                      disputeReason: itemReason, confidence: confidence, evidence: evidence, intent: itemIntent))
        }
        if qualificationless(intent.intent), named.isEmpty { items = [] }

        let contacts = ContactExtractor.addresses(in: text)
        let redirect = [.wrongContact, .autoReply].contains(intent.intent) ? contacts.first : nil
        // The absence ends at the latest date named ("from Monday 30 Nov until 7 Dec").
        let returnDate = intent.intent == .autoReply
            ? dates.dates(in: text).map(\.date).filter { $0 >= context.today }.max() : nil
        var result = ReplyInterpretation(language: language, intent: intent, disputeReason: reason, items: items,
                                         summary: "", redirectContact: redirect, returnDate: returnDate)
        result.summary = SummaryWriter(language: summaryLanguage).summary(of: result)
        return result
    }

    /// The promised day among the future dates of an item's words: a deadline ("at the latest tomorrow") first;
    /// else the dates after today ("part today, the rest on the 18th": corpus/LABELS.md decisions), the calendar
    /// dates among them when there are some ("le 5 juin, à 45 jours fin de mois": the named day is the promise), the
    /// earliest. A weekday names one day too ("half on Monday, the rest on 15 July": Monday, the first instalment).
    static func promiseDate(among candidates: [DateExtractor.Mention], today: LocalDate) -> LocalDate? {
        if let deadline = candidates.filter(\.deadline).map(\.date).min() { return deadline }
        let later = candidates.filter { $0.date > today }
        let pool = later.isEmpty ? candidates : later
        let calendar = pool.filter { $0.kind == .calendar || $0.kind == .weekday }
        return (calendar.isEmpty ? pool : calendar).map(\.date).min()
    }

    /// The qualification an intent gives an item (corpus/LABELS.md, "Items").
    static func qualification(for intent: Intent) -> Qualification? {
        switch intent {
        case .promiseToPay: return .promiseToPay
        case .dispute: return .dispute
        case .paymentMade, .paymentPlan, .acknowledgement: return .ongoing
        case .invoiceRequest, .wrongContact, .autoReply, .other: return nil
        }
    }

    /// Intents whose replies list items only when they name an invoice.
    private func qualificationless(_ intent: Intent) -> Bool {
        Self.qualification(for: intent) == nil
    }

    /// The sentence that most supports `intent`.
    private func evidenceSentence(in sentences: [String], for intent: Intent) -> String? {
        guard sentences.count > 1 else { return sentences.first }
        return sentences.max { a, b in score(a, intent) < score(b, intent) }
    }

    private func score(_ sentence: String, _ intent: Intent) -> Float {
        model.predictIntent(sentence).ranked.first { $0.intent == intent }?.confidence ?? 0
    }
}
