import AgendaStore
import Foundation

/// Letters for a print provider: one HTML file per action in the outbox folder, named
/// `action-ID-CUSTOMERKEY.html`, and with `pdf_command` set also the same letter as PDF (`.pdf`), rendered from the
/// HTML by a command-line renderer (WeasyPrint, the Debian package `weasyprint`, by default). Every file is written
/// to a hidden temporary name and renamed, PDF first, so the provider never sees half a letter. The postal address
/// block comes first (a window envelope's position is the stylesheet's job).
struct LetterChannel: OutboundChannel {
    let outbox: URL
    /// The renderer's arguments with `{html}` and `{pdf}` for the input and output paths; nil: HTML only.
    var pdfCommand: [String]?
    /// Longest a rendering may take.
    var pdfTimeout: Duration = .seconds(60)

    /// WeasyPrint's command line (`weasyprint INPUT OUTPUT`), found on PATH.
    static let weasyPrint = ["weasyprint", "{html}", "{pdf}"]

    func deliver(_ action: RenderedAction) async -> DeliveryResult {
        guard case .postal(let name, let address) = action.destination else {
            return .rejected(.contactHasNoAddress, reply: "no postal address")
        }
        let safeKey = action.customerKey.filter { $0.isLetter || $0.isNumber || "-_".contains($0) }
        let stem = "action-\(action.claim.id.rawValue)-\(safeKey)"
        let page = Self.page(action, name: name, address: address)
        let fm = FileManager.default
        let html = outbox.appendingPathComponent(".\(stem).html.tmp")
        let pdf = outbox.appendingPathComponent(".\(stem).pdf.tmp")
        defer {
            try? fm.removeItem(at: html)
            try? fm.removeItem(at: pdf)
        }
        do {
            try fm.createDirectory(at: outbox, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: html)
        } catch {
            return .temporary(reply: "outbox not writable")
        }
        if let pdfCommand {
            let status = await Self.run(pdfCommand.map {
                $0.replacing("{html}", with: html.path).replacing("{pdf}", with: pdf.path)
            }, timeout: pdfTimeout)
            guard status == 0, let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: 5),
                  head == Data("%PDF-".utf8) else {
                return .temporary(reply: "pdf renderer failed (\(status.map { "exit \($0)" } ?? "not run or timed out"))")
            }
            guard Self.place(pdf, as: outbox.appendingPathComponent("\(stem).pdf")) else {
                return .temporary(reply: "outbox not writable")
            }
        }
        guard Self.place(html, as: outbox.appendingPathComponent("\(stem).html")) else {
            return .temporary(reply: "outbox not writable")
        }
        return .sent(queueID: "\(stem).\(pdfCommand == nil ? "html" : "pdf")", reply: nil)
    }

    func finish() async {}

    /// The letter as a self-contained HTML page.
    static func page(_ action: RenderedAction, name: String?, address: String) -> String {
        let lines = ([name].compactMap { $0 } + address.split(whereSeparator: \.isNewline).map(String.init))
            .map(escape).joined(separator: "<br>\n")
        let body = action.content.html ?? "<pre>\(escape(action.content.text))</pre>"
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(action.content.subject))</title></head>
            <body><address class="recipient">\(lines)</address>
            \(body)
            </body></html>

            """
    }

    /// Renames `file` to `final`, replacing an earlier copy.
    static func place(_ file: URL, as final: URL) -> Bool {
        // rename(2) replaces atomically.
        rename(file.path, final.path) == 0
    }

    /// Runs a command (looked up on PATH) with output discarded; its exit status, or nil when it could not start or
    /// ran past `timeout` (then it is killed by its PID).
    static func run(_ arguments: [String], timeout: Duration) async -> Int32? {
        guard let program = arguments.first else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments.dropFirst()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in finished.continuation.finish() }
        do { try process.run() } catch { return nil }
        let pid = process.processIdentifier
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            kill(pid, SIGKILL)
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        return process.terminationReason == .uncaughtSignal ? nil : process.terminationStatus
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
