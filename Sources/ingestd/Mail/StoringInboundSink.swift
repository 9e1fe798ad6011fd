import AgendaStore
import Foundation
import MailIngest

/// A minimal ``InboundSink`` over the agenda store for `ingestd poll`, tests and the benchmark, until the pipeline's
/// sink (classification, correlation) is wired: it runs MailIngest's analysis for the kind and headers and stores the
/// raw bytes with the mailbox position, no classifier analysis. Unparseable input is stored, never dropped.
struct StoringInboundSink: InboundSink {
    /// The store.
    var store: any AgendaStore
    /// Run MIME analysis and detection (kind, Message-ID, sender, subject); when false only the raw bytes are stored.
    var analyze = true

    func accept(raw: Data, source: MailboxPosition?, receivedAt: Date) async throws -> StoredInbound {
        var message = InboundMessage(raw: raw, source: source, kind: .other, receivedAt: receivedAt)
        if analyze {
            let analysis = MessageAnalyzer().analyze(raw)
            message.kind = MessageKind(rawValue: analysis.kind.rawValue) ?? .other
            message.messageID = analysis.message?.messageID
            message.fromAddress = analysis.message?.from?.address
            message.subject = analysis.message?.subject
        }
        return try await store.storeInbound(message, analysis: nil)
    }
}
