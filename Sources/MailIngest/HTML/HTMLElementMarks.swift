/// The attributes of one element that text conversion reads; the bytes point into the parsed document.
struct HTMLAttributes {
    var className: UnsafeBufferPointer<UInt8>?
    var id: UnsafeBufferPointer<UInt8>?
    var style: UnsafeBufferPointer<UInt8>?
    var type: UnsafeBufferPointer<UInt8>?
    var name: UnsafeBufferPointer<UInt8>?
    var start: UnsafeBufferPointer<UInt8>?
    var dataSmartmail: UnsafeBufferPointer<UInt8>?
    var dataSignatureBlock: UnsafeBufferPointer<UInt8>?
    /// The boolean `hidden` attribute (HTML Living Standard 6.1).
    var hidden = false
}

/// What the markup says about an element beyond its name: hidden, quoted history, signature, layout overrides.
/// The quote markers are the ones mail clients write around the message being answered.
struct HTMLElementMarks {
    var hidden = false
    /// The element and everything inside it are quoted history.
    var quoted = false
    /// The element and everything after it in document order are quoted history (Outlook puts the quoted message
    /// as siblings after its reply header).
    var quotesRest = false
    var signature = false
    var preformatted = false
    /// For `p`: whether the margins that make a blank line before and after are there.
    var marginTop = true
    var marginBottom = true

    /// An element without attributes (other than `blockquote`).
    static let plain = HTMLElementMarks()

    private init() {}

    init(tag: HTMLTag, attributes: HTMLAttributes) {
        hidden = attributes.hidden
        var style: HTMLInlineStyle?
        if let bytes = attributes.style {
            let parsed = HTMLInlineStyle(bytes)
            style = parsed
            hidden = hidden || parsed.hidden
            preformatted = parsed.preformatted
            if parsed.borderNone && parsed.borderTopSolid { quotesRest = true }  // Outlook desktop From:/Sent: block
            if parsed.borderNone && parsed.borderLeftSolid { quoted = true }  // Outlook's blue bar before a reply
            if parsed.borderTopStyleSolid && parsed.borderTopColorLightGrey { quotesRest = true }  // Mail for Windows
            marginTop = !(parsed.marginTopZero ?? false)
            marginBottom = !(parsed.marginBottomZero ?? false)
        }
        guard !hidden else { return }
        if let className = attributes.className { readClass(className) }
        if let id = attributes.id { readID(id, tag: tag) }
        if let name = attributes.name, HTMLBytes.equals(HTMLBytes.trimmed(name), "quote") { quoted = true }  // GMX
        if let smartmail = attributes.dataSmartmail, HTMLBytes.contains(smartmail, "gmail_signature") {
            signature = true
        }
        if let block = attributes.dataSignatureBlock, HTMLBytes.equals(HTMLBytes.trimmed(block), "true") {
            signature = true  // Mail for Windows
        }
        if tag == .blockquote {
            // Gmail's "indent" button writes `<blockquote style="margin:0 0 0 40px;border:none;padding:0px">`.
            let isCite = attributes.type.map { HTMLBytes.equals(HTMLBytes.trimmed($0), "cite") } ?? false
            let indentOnly = (style?.borderNone ?? false) && !(style?.borderLeftSolid ?? false) && !isCite
            if !indentOnly { quoted = true }
        }
    }

    private mutating func readClass(_ value: UnsafeBufferPointer<UInt8>) {
        // Substrings also catch the prefixes webmails add when they embed a message (`x_`, `ecx`, `ydp1234`).
        if HTMLBytes.contains(value, "msonormal") {
            marginTop = false
            marginBottom = false
        }
        if HTMLBytes.contains(value, "signature") { signature = true }
        if HTMLBytes.contains(value, "outlookmessageheader") { quotesRest = true }
        // The other markers all hold "_" or "-"; most class values (MsoNormal, elementToProof) hold neither.
        guard value.contains(where: { $0 == 0x5F || $0 == 0x2D }) else { return }
        if HTMLBytes.contains(value, "gmail_quote") || HTMLBytes.contains(value, "gmail_attr")
            || HTMLBytes.contains(value, "yahoo_quoted") || HTMLBytes.contains(value, "moz-cite-prefix")
            || HTMLBytes.contains(value, "protonmail_quote") {
            quoted = true
        }
        if HTMLBytes.contains(value, "mail-editor-reference-message-container") { quotesRest = true }
    }

    private mutating func readID(_ raw: UnsafeBufferPointer<UInt8>, tag: HTMLTag) {
        let value = HTMLBytes.trimmed(raw)
        if HTMLBytes.hasSuffix(value, "divrplyfwdmsg") || HTMLBytes.hasSuffix(value, "appendonsend")
            || HTMLBytes.contains(value, "mail-editor-reference-message-container") {
            quotesRest = true  // Outlook on the web and Outlook mobile
        }
        if tag == .rule && (HTMLBytes.hasSuffix(value, "zwchr") || HTMLBytes.hasSuffix(value, "stopspelling")) {
            quotesRest = true  // Zimbra; Windows Live Hotmail
        }
        if HTMLBytes.contains(value, "yahoo_quoted") { quoted = true }
        if HTMLBytes.hasSuffix(value, "signature") { signature = true }  // Signature, x_Signature, AppleMailSignature
    }
}
