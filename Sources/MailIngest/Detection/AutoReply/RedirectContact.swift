import Foundation

/// The address an auto-reply gives as the person to write to instead.
enum RedirectContact {
    /// The first address in `text` that is not one of `excluding` (the sender's own, lower-cased) and not a
    /// no-reply address, or nil.
    static func find(in text: String, excluding: Set<String>) -> String? {
        for hit in AddressScanner.scan(String(text.prefix(4000))) {
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
