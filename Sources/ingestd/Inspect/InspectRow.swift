import FeedbackClassifier
import Foundation
import MailIngest

/// Builds the `inspect --json` row of DESIGN.md's contract from an analysis.
enum InspectRow {
    /// The row for one analysed file.
    static func make(file: String, analysis: MessageAnalysis, interpreter: ReplyInterpreter? = nil,
                     context: InspectContext? = nil) -> JSONValue {
        let classified = ReplyClassification(analysis: analysis, interpreter: interpreter, context: context)
        let message = analysis.message
        let reply = analysis.reply
        let detection = analysis.detection
        return .object([
            ("file", .string(file)),
            ("message_id", .string(message?.messageID)),
            ("from", message?.from.map { .object([("name", .string($0.name)), ("address", .string($0.address))]) } ?? .null),
            ("subject", .string(message?.subject)),
            ("date", .string(message?.date.map(isoDate))),
            ("kind", .string(detection.kind.rawValue)),
            ("language", classified.language),
            ("reply", .object([("visible", .string(reply.visible)), ("quoted", .string(reply.quoted)),
                               ("signature", .string(reply.signature))])),
            ("bounce", DetectionJSON.bounce(detection.bounce)),
            ("auto_reply", DetectionJSON.autoReply(detection.autoReply)),
            ("classification", classified.classification),
            ("summary", classified.summary),
            ("items", classified.items),
            ("redirect_contact", classified.redirectContact),
            ("defects", .array(analysis.defects.map { .string($0.description) })),
            ("parts", .array(parts(of: message))),
        ])
    }

    /// The row for a file that could not be analysed: every key present, plus `error`.
    static func failure(file: String, error: String) -> JSONValue {
        .object([
            ("file", .string(file)), ("error", .string(error)),
            ("message_id", .null), ("from", .null), ("subject", .null), ("date", .null), ("kind", .null),
            ("language", .null), ("reply", .object([("visible", .string("")), ("quoted", .string("")),
                                                     ("signature", .string(""))])),
            ("bounce", .null), ("auto_reply", .null), ("classification", .null), ("summary", .null),
            ("items", .array([])), ("redirect_contact", .null), ("defects", .array([])), ("parts", .array([])),
        ])
    }

    private static func parts(of message: ParsedMessage?) -> [JSONValue] {
        guard let message else { return [] }
        return message.root.leaves.map { part in
            .object([
                ("path", .string(part.path)),
                ("content_type", .string(part.contentType.mimeType)),
                ("charset", .string(part.contentType.charset)),
                ("size", .integer(part.data?.count ?? 0)),
                ("filename", .string(part.filename)),
            ])
        }
    }

    private static func isoDate(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
