import AgendaStore
import FeedbackClassifier

/// Converts between the classifier's values and the store's: the customer's open items as the classifier's
/// context, and its reading of a reply as the store's analysis with one ``ProposalInput`` per item.
enum StoredReading {
    /// An item still open (its open amount is not zero) as the classifier takes it: number, open amount, due date.
    static func openItem(_ item: Item) -> ReplyContext.OpenItem? {
        guard item.openAmount.minorUnits != 0 else { return nil }
        let open = item.openAmount
        return ReplyContext.OpenItem(
            number: item.number,
            amount: FeedbackClassifier.Money(decimal: AgendaMoney.decimalString(open.minorUnits, currency: open.currency),
                                             currency: open.currency),
            due: LocalDate(iso: item.dueDate.iso))
    }

    /// The store's analysis of a reading. Items the reading does not qualify (a copy request, a wrong contact) get
    /// no proposal: accepting one would clear the item's qualification. An abstained intent is stored as nil.
    static func analysis(_ reading: ReplyInterpretation, visibleText: String, modelVersion: String?,
                         currencies: [String: String]) -> AgendaAnalysis {
        let proposals = reading.items.compactMap { item -> ProposalInput? in
            guard let qualification = item.qualification.flatMap({ AgendaQualification(rawValue: $0.rawValue) })
            else { return nil }
            let currency = currencies[item.number] ?? item.amount?.currency
            let state = QualificationState(
                qualification,
                promiseDate: item.promiseDate.flatMap { Day(iso: $0.description) },
                amountMinor: item.amount.map { minorUnits($0, currency: currency) },
                disputeReason: item.disputeReason.flatMap { AgendaDisputeReason(rawValue: $0.rawValue) })
            return ProposalInput(itemNumber: item.number, proposed: state, confidence: unit(item.confidence),
                                 evidence: item.evidence.isEmpty ? nil : item.evidence)
        }
        let intent = reading.intent.abstained ? nil : AgendaIntent(rawValue: reading.intent.intent.rawValue)
        return AgendaAnalysis(language: reading.language, visibleText: visibleText, intent: intent,
                              confidence: unit(reading.intent.confidence),
                              disputeReason: reading.disputeReason.flatMap { AgendaDisputeReason(rawValue: $0.rawValue) },
                              summary: reading.summary.isEmpty ? nil : reading.summary, modelVersion: modelVersion,
                              proposals: proposals)
    }

    /// The classifier counts hundredths; the store counts the currency's minor unit (ISO 4217 exponent).
    static func minorUnits(_ money: FeedbackClassifier.Money, currency: String?) -> Int64 {
        let exponent = AgendaMoney.exponent(of: currency ?? "")
        var value = Int64(money.cents)
        if exponent > 2 { for _ in 2..<exponent { value *= 10 } }
        if exponent < 2 { for _ in exponent..<2 { value /= 10 } }
        return value
    }

    /// A probability clamped into 0...1 (the store refuses anything else).
    static func unit(_ value: Float) -> Double {
        value.isNaN ? 0 : min(1, max(0, Double(value)))
    }
}
