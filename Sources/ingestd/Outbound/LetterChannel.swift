import AgendaStore
import Foundation

/// Letters for a print provider: one HTML file per action in the outbox folder, named
/// `action-ID-CUSTOMERKEY.html`, written to a temporary name and renamed so the provider never sees half a file.
/// The postal address block comes first (a window envelope's position is the provider's stylesheet's job).
struct LetterChannel: OutboundChannel {
    let outbox: URL

    func deliver(_ action: RenderedAction) async -> DeliveryResult {
        guard case .postal(let name, let address) = action.destination else {
            return .rejected(.contactHasNoAddress, reply: "no postal address")
        }
        let safeKey = action.customerKey.filter { $0.isLetter || $0.isNumber || "-_".contains($0) }
        let fileName = "action-\(action.claim.id.rawValue)-\(safeKey).html"
        let lines = ([name].compactMap { $0 } + address.split(whereSeparator: \.isNewline).map(String.init))
            .map(Self.escape).joined(separator: "<br>\n")
        let body = action.content.html ?? "<pre>\(Self.escape(action.content.text))</pre>"
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(Self.escape(action.content.subject))</title></head>
            <body><address class="recipient">\(lines)</address>
            \(body)
            </body></html>

            """
        do {
            try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
            let temporary = outbox.appendingPathComponent(".\(fileName).tmp")
            try Data(page.utf8).write(to: temporary)
            let final = outbox.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: final.path) { try FileManager.default.removeItem(at: final) }
            try FileManager.default.moveItem(at: temporary, to: final)
            return .sent(queueID: fileName, reply: nil)
        } catch {
            return .temporary(reply: "outbox not writable")
        }
    }

    func finish() async {}

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
