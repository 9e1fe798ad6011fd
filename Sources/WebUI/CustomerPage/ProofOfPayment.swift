import Foundation

/// The proof-of-payment upload of the customer's page: the accepted types (recognised by their first bytes, never
/// by the name or the browser's claim) and the field's label in the page's 14 languages.
enum ProofOfPayment {
    /// The form field of the file.
    static let field = "proof"

    /// The media type of `data` when it is a PDF (ISO 32000 header `%PDF-`), PNG (signature, RFC 2083) or JPEG
    /// (SOI marker and a marker segment); nil otherwise.
    static func mediaType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// The label of the file field ("at most N MB" with the configured limit).
    static func label(_ code: String, megabytes: Int) -> String {
        let text = labels[code] ?? labels["en"]!
        return text.replacingOccurrences(of: "{n}", with: String(megabytes))
    }

    static let labels: [String: String] = [
        "en": "Proof of payment (PDF, PNG or JPEG, at most {n} MB)",
        "fr": "Justificatif de paiement (PDF, PNG ou JPEG, {n} Mo au plus)",
        "de": "Zahlungsnachweis (PDF, PNG oder JPEG, höchstens {n} MB)",
        "nl": "Betaalbewijs (PDF, PNG of JPEG, maximaal {n} MB)",
        "es": "Justificante de pago (PDF, PNG o JPEG, {n} MB como máximo)",
        "it": "Prova di pagamento (PDF, PNG o JPEG, al massimo {n} MB)",
        "pt": "Comprovativo de pagamento (PDF, PNG ou JPEG, no máximo {n} MB)",
        "pl": "Potwierdzenie płatności (PDF, PNG lub JPEG, maksymalnie {n} MB)",
        "ro": "Dovada plății (PDF, PNG sau JPEG, cel mult {n} MB)",
        "sv": "Betalningsbevis (PDF, PNG eller JPEG, högst {n} MB)",
        "tr": "Ödeme belgesi (PDF, PNG veya JPEG, en fazla {n} MB)",
        "hr": "Potvrda o plaćanju (PDF, PNG ili JPEG, najviše {n} MB)",
        "ja": "支払証明（PDF・PNG・JPEG、{n} MB まで）",
        "zh": "付款凭证（PDF、PNG 或 JPEG，最多 {n} MB）",
    ]
}
