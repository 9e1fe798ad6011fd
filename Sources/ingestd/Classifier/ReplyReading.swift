import FeedbackClassifier
import Foundation
import MailIngest

/// Runs the classifier over an analysed message: one place shared by `inspect` (``ReplyClassification``) and the
/// pipeline (``InboundPipeline``), so both read a reply the same way.
enum ReplyReading {
    /// Kinds whose text is the customer's (bounces and feedback reports are machine reports).
    static let classifiedKinds: Set<MessageAnalysis.Kind> = [.reply, .autoReply, .comment, .other]

    /// The classifier's reading of the message's visible text with what the agenda knows; nil when its kind is not
    /// classified. Relative dates resolve against `today`, else the message's Date field, else the clock.
    static func interpret(_ analysis: MessageAnalysis, with interpreter: ReplyInterpreter, today: LocalDate?,
                          language: String?, openItems: [ReplyContext.OpenItem]) -> ReplyInterpretation? {
        guard classifiedKinds.contains(analysis.kind) else { return nil }
        let day = today ?? analysis.message?.date.map { LocalDate($0) } ?? LocalDate(Date())
        let context = ReplyContext(today: day, language: language, openItems: openItems)
        return interpreter.interpret(analysis.reply.visible, context: context)
    }
}
