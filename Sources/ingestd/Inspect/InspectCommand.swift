public import ArgumentParser
import FeedbackClassifier
import Foundation
import MailIngest

/// `ingestd inspect`: analyses messages without touching any store (DESIGN.md, "The inspect contract").
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Analyse messages and print what ingestd sees in them, without touching any store.",
        discussion: """
            Each FILE is a whole RFC 5322 message (--format eml, the default), a bare plain-text body (text) or a \
            bare HTML body (html). With --json, prints one JSON object per file, one per line, in input order. \
            A file that cannot be read gets a row with an "error" key and the exit status is 1; the other files \
            are still answered.
            """
    )

    @Option(help: "How each FILE is given: eml, text or html.")
    var format: MessageAnalysis.InputFormat = .eml

    @Option(help: "A JSON file with what the agenda would know: now, customer, language, open_items.")
    var context: String?

    @Option(help: "The classifier's model file (default: $INGESTD_MODEL, else models/feedback.igdm here or above the executable).")
    var model: String?

    @Option(help: "Language of the one-line summaries (en, fr, de, es, it, nl, pt, pl, ro, sv, tr, hr, ja, zh).")
    var summaryLanguage = "en"

    @Flag(help: "Print one JSON object per file (JSON Lines) instead of the readable report.")
    var json = false

    @Argument(help: "Messages or bodies to analyse.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        var loadedContext: InspectContext?
        if let context {
            do { loadedContext = try InspectContext.load(path: context) } catch let error as InspectError {
                throw ValidationError(error.description)
            }
        }
        let interpreter = try ModelLocator.interpreter(explicit: model, summaryLanguage: summaryLanguage)
        let analyzer = MessageAnalyzer()
        var failed = 0
        var output = OutputBuffer()
        for file in files {
            let row: JSONValue
            let analysis: MessageAnalysis?
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let result = analyzer.analyze(data, format: format)
                analysis = result
                row = InspectRow.make(file: file, analysis: result, interpreter: interpreter, context: loadedContext)
            } catch {
                failed += 1
                analysis = nil
                row = InspectRow.failure(file: file, error: "cannot read file: \(Self.reason(error))")
            }
            if json {
                output.write(row.serialized() + "\n")
            } else {
                output.write(HumanReport.render(file: file, row: row, analysis: analysis))
            }
        }
        output.flush()
        if failed > 0 { throw ExitCode(1) }
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}

extension MessageAnalysis.InputFormat: ExpressibleByArgument {}

/// Buffers standard output and writes it in large blocks.
struct OutputBuffer {
    private var pending = ""

    mutating func write(_ text: String) {
        pending += text
        if pending.utf8.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(pending.utf8))
        pending = ""
    }
}
