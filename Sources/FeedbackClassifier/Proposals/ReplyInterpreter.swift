/// Turns a reply's visible text into an ``ReplyInterpretation``: language, intent, dispute reason, one proposal per
/// item (per-sentence intents when the reply treats several invoices differently), dates, amounts, contacts and the
/// summary. Pure: text and context in, values out.
public struct ReplyInterpreter: Sendable {
    public var model: FeedbackModel
    /// The collector's language for summaries.
    public var summaryLanguage: String

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

        // Which sentences talk about which item.
        let sentenceRefs = sentences.map { sentence in
            Set(InvoiceReferences.find(in: sentence, openItems: openNumbers).filter { $0.matched || openNumbers.isEmpty }.map(\.number))
        }
        // The items named; none named means every open item; with no open items known, the references as written.
        let named = matched.isEmpty && openNumbers.isEmpty ? references.map(\.number) : matched
        let targets = named.isEmpty ? openNumbers : named
        let perItem = named.count >= 2 && Set(sentenceRefs.filter { !$0.isEmpty }).count >= 2
        let itemsWithOwnDates = Set(targets.filter { number in
            sentences.indices.contains { sentenceRefs[$0].contains(number) && !dates.dates(in: sentences[$0]).isEmpty }
        })

        var items: [ItemProposal] = []
        for number in targets {
            let own = sentences.indices.filter { sentenceRefs[$0].contains(number) }.map { sentences[$0] }
            let open = context.openItems.first { $0.number == number }
            var itemIntent = intent.intent
            var confidence = intent.confidence
            if perItem, !own.isEmpty {
                let local = model.predictIntent(own.joined(separator: " "))
                if local.confidence >= 0.5 { itemIntent = local.intent; confidence = local.confidence }
            }
            let scope = !own.isEmpty && (perItem || itemsWithOwnDates.contains(number)) ? own : [text]
            let scopeText = scope.joined(separator: "\n")
            let qualification = Self.qualification(for: itemIntent)
            var promiseDate: LocalDate?
            if qualification == .promiseToPay {
                // "A goes out Friday, B on the 15th": in a sentence naming several items, an item's dates are those
                // between its reference and the next item's.
                var candidates: [DateExtractor.Mention] = []
                if scope != [text] {
                    let segments = scope.map { Self.segment(of: number, in: $0, openItems: openNumbers) ?? $0 }
                    candidates = dates.dates(in: segments.joined(separator: "\n")).filter { $0.date >= context.today }
                }
                if candidates.isEmpty { candidates = dates.dates(in: scopeText).filter { $0.date >= context.today } }
                if candidates.isEmpty, scope != [text], itemsWithOwnDates.isEmpty {
                    candidates = dates.dates(in: text).filter { $0.date >= context.today }
                }
                // "Today, at the latest tomorrow": the deadline is the promise.
                let deadlines = candidates.filter(\.deadline).map(\.date)
                // "Part today, the rest on the 18th": a later date is the promise (corpus/LABELS.md decisions).
                let later = candidates.map(\.date).filter { $0 > context.today }
                promiseDate = deadlines.min() ?? (later.isEmpty ? candidates.map(\.date) : later).min()
            }
            let amount = qualification == .promiseToPay || qualification == .ongoing
                ? PartialAmount.find(in: scopeText, open: open?.amount, currency: context.currency) : nil
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

    /// The part of `sentence` from the reference to `number` up to the next other item's reference, when the
    /// sentence names at least two items; nil otherwise.
    static func segment(of number: String, in sentence: String, openItems: [String]) -> String? {
        let refs = InvoiceReferences.find(in: sentence, openItems: openItems).filter { $0.matched || openItems.isEmpty }
        guard refs.count >= 2, let mine = refs.first(where: { $0.number == number }) else { return nil }
        let chars = Array(sentence)
        let end = refs.map(\.position).filter { $0 > mine.position }.min() ?? chars.count
        guard mine.position < end, end <= chars.count else { return nil }
        return String(chars[mine.position..<end])
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
