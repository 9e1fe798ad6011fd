import Foundation

/// The address an auto-reply gives as the person to write to instead.
enum RedirectContact {
    /// Words that, right after an address, say it is retired.
    static let retiredCues = [
        "no longer", "n'est plus", "nicht mehr", "ya no", "non è più", "è stato dismesso", "niet meer", "não é mais",
        "já não", "nu mai", "inte längre", "artık", "više nije", "nie jest już", "已停止", "使用されて",
    ]

    /// The first address in `text` that is not one of `excluding` (the sender's own, lower-cased) and not a
    /// no-reply address, or nil.
    static func find(in text: String, excluding: Set<String>) -> String? {
        let head = String(text.prefix(4000))
        let bytes = Array(head.utf8)
        for hit in AddressScanner.scan(head) {
            // "the address x@y is no longer used, please write to z@w": skip the retired one.
            let after = String(decoding: bytes[hit.end..<min(bytes.count, hit.end + 60)], as: UTF8.self).lowercased()
            if retiredCues.contains(where: after.contains) { continue }
            let lower = hit.address.lowercased()
            if excluding.contains(lower) { continue }
            let local = lower.split(separator: "@").first.map(String.init) ?? ""
            if local.contains("noreply") || local.contains("no-reply") || local.contains("donotreply")
                || local == "mailer-daemon" { continue }
            return hit.address
        }
        return nil
    }
}
