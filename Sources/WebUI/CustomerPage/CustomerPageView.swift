import AgendaStore
import Foundation

/// The customer's interactive page: open items, per item an answer (paid, promise with a date, dispute with a
/// reason) and a comment. A plain form; no script, no external resource.
enum CustomerPageView {
    static func page(customer: Customer, items: [Item], token: String, formToken: String, sent: Bool,
                     uploadMegabytes: Int = 5) -> HTML {
        let (code, s) = CustomerPageStrings.forLanguage(customer.language)
        let thanks: HTML = sent ? "<p class=\"notice\" role=\"status\">\(s.thanks)</p>" : ""
        let rows = items.map { item -> HTML in
            let id = item.id.rawValue
            let reasons = zip(DisputeReason.allCases, s.reasons).map { reason, label -> HTML in
                "<option value=\"\(reason.rawValue)\">\(label)</option>"
            }
            return """
                <tr><td>\(item.number)</td><td>\(item.dueDate.iso)</td><td>\(item.openAmount.description)</td><td>
                <label><input type="radio" name="answer_\(id)" value="" checked> \(s.noAnswer)</label><br>
                <label><input type="radio" name="answer_\(id)" value="paid"> \(s.paid)</label><br>
                <label><input type="radio" name="answer_\(id)" value="promise"> \(s.promise)</label> \
                <input type="date" name="date_\(id)" aria-label="\(s.promise)"><br>
                <label><input type="radio" name="answer_\(id)" value="dispute"> \(s.dispute)</label> \
                <label>\(s.reason) <select name="reason_\(id)"><option value=""></option>\(reasons)</select></label>
                </td><td><textarea name="comment_\(id)" rows="3" cols="30" maxlength="2000" aria-label="\(s.comment)"></textarea></td></tr>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(code)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(s.title)</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><main><h1>\(s.title)</h1><p>\(customer.name)</p>\(thanks)<p>\(s.intro)</p>
            <form method="post" action="/c/\(token)" enctype="multipart/form-data">\
            <input type="hidden" name="_csrf" value="\(formToken)">
            <table><thead><tr><th>\(s.invoice)</th><th>\(s.due)</th><th>\(s.open)</th><th>\(s.answer)</th>\
            <th>\(s.comment)</th></tr></thead><tbody>\(rows)</tbody></table>
            <p><label>\(ProofOfPayment.label(code, megabytes: uploadMegabytes)) <input type="file" \
            name="\(ProofOfPayment.field)" accept="application/pdf,image/png,image/jpeg"></label></p>
            <p><button type="submit">\(s.send)</button></p></form></main></body></html>
            """
    }
}
