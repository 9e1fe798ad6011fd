/// Concepts of a request: documents (copy, statement, bank details, proof of delivery), time and instalments.
/// Order inside each list: en fr de es it nl pt pl ro sv tr hr ja zh.
extension IntentCues {
    static let requests: [String: [String]] = [
        // A copy of the invoice, sent again.
        "copy": [
            "copy", "copies", "resend", "re-send", "send again", "duplicate", "pdf", "send us the invoice",
            "send me the invoice", "resent", "reissue", "another copy",
            "copie", "duplicata", "renvoyer", "renvoyez", "nous renvoyer", "exemplaire",
            "kopie", "erneut senden", "nochmal senden", "nochmals", "zusenden", "zukommen lassen", "erneut",
            "copia", "reenviar", "reenvien", "enviar de nuevo", "volver a enviar", "duplicado",
            "copia", "inviare di nuovo", "rimandare", "rinviare", "reinviare", "inviarci", "duplicato",
            "kopie", "opnieuw sturen", "nogmaals sturen", "opnieuw toesturen", "nogmaals toesturen", "duplicaat",
            "copia", "reenviar", "segunda via", "enviar novamente", "enviar de novo", "voltar a enviar",
            "kopia", "kopie", "kopii", "ponownie", "ponowne", "duplikat", "przeslac ponownie",
            "copie", "copia", "retrimite", "retrimiteti", "trimiteti din nou", "duplicat",
            "kopia", "kopian", "skicka igen", "skicka om", "skicka pa nytt",
            "kopya", "kopyasi", "kopyasini", "tekrar gonder*", "yeniden gonder*", "suret",
            "kopija", "kopiju", "ponovno poslati", "ponovno posaljite", "duplikat",
            "控え", "再送", "再発行", "写し", "コピー", "副本", "重新发送", "再发", "补发", "复印件", "再寄",
        ],
        // An invoice word (to pair with "received", "send", "copy").
        "invoice": [
            "invoice", "invoices", "bill", "facture", "factures", "rechnung", "rechnungen", "factura", "facturas",
            "fattura", "fatture", "factuur", "facturen", "fatura", "faturas", "faktura", "faktur*", "factura",
            "facturi", "facturii", "faktura", "fakturan", "fakturor", "fatura", "faturasi", "faturalar*", "racun",
            "racuna", "racune", "請求書", "インボイス", "发票", "账单",
        ],
        // A receipt verb (not received the invoice / received your reminder).
        "receive": [
            "received", "receive", "got", "recu", "recue", "recus", "recevoir", "erhalten", "bekommen", "recibido",
            "recibimos", "recibir", "ricevuto", "ricevut*", "ricevere", "ontvangen", "gekregen", "recebemos", "recebido",
            "receber", "otrzymal*", "dostal*", "otrzymac", "primit", "primita", "primi", "fatt", "mottagit", "mottagen",
            "aldik", "almadik", "ulasmadi", "ulasti", "primili", "primio", "zaprimili", "受け取", "届い", "受領", "收到",
            "没收到", "未收到",
        ],
        // An account statement or balance confirmation.
        "statement": [
            "statement", "account statement", "statement of account", "balance confirmation", "overview", "open items",
            "releve", "releve de compte", "situation de compte", "kontoauszug", "saldenbestatigung",
            "kontenubersicht", "offene posten", "aufstellung", "extracto", "estado de cuenta", "detalle",
            "estratto conto", "partitario", "dettaglio", "rekeningoverzicht", "overzicht", "openstaande posten",
            "extrato", "conta corrente", "detalhe", "wyciag", "zestawienie", "potwierdzenie salda", "extras de cont",
            "fisa de cont", "situatie", "kontoutdrag", "reskontra", "sammanstallning", "hesap ekstresi", "ekstre",
            "mutabakat", "izvod", "izvadak", "otvorene stavke", "ios", "uskladenje", "uskladenja",
            "total outstanding", "solde du", "明細", "残高確認", "対账", "对账单", "明细",
        ],
        // Bank details to pay into.
        "bank_details": [
            "bank details", "iban", "account number", "bank account", "sort code", "bic", "coordonnees bancaires",
            "rib", "bankverbindung", "kontonummer", "bankdaten", "datos bancarios", "cuenta bancaria", "numero de cuenta",
            "coordinate bancarie", "conto corrente", "bankgegevens", "rekeningnummer", "dados bancarios", "nib",
            "numer konta", "dane bankowe", "rachunek bankowy", "cont bancar", "detalii bancare", "bankuppgifter",
            "bankgiro", "plusgiro", "banka bilgileri", "hesap numarasi", "bankovni podaci", "broj racuna", "ziro racun",
            "口座", "振込先", "银行账户", "账号", "收款账户", "开户行",
        ],
        // Proof of delivery, signed delivery note.
        "pod": [
            "proof of delivery", "pod", "delivery note", "signed", "bon de livraison", "preuve de livraison",
            "lieferschein", "liefernachweis", "albaran", "prueba de entrega", "ddt", "bolla", "prova di consegna",
            "pakbon", "afleverbewijs", "guia de remessa", "comprovante de entrega", "wz", "dowod dostawy",
            "aviz de insotire", "dovada livrarii", "foljesedel", "leveransbevis", "irsaliye", "teslim belgesi",
            "otpremnica", "dokaz o isporuci", "納品書", "受領書", "送货单", "签收单", "签收",
        ],
        // Please send / could you send.
        "send_request": [
            "please send", "send me", "send us", "could you send", "can you send", "forward me", "provide",
            "envoyer", "envoyez", "transmettre", "transmettez", "faire parvenir", "schicken", "senden", "ubermitteln",
            "schicken sie", "senden sie", "enviar", "envien", "envie", "enviarnos", "mandar", "inviare", "inviate",
            "inviarci", "mandare", "mandateci", "sturen", "stuur", "toesturen", "stuurt", "enviar", "mandar",
            "envie", "enviem", "przeslac", "przeslanie", "prosze o", "wyslac", "prosimy o", "trimite", "trimiteti",
            "trimite-ne", "skicka", "skickar", "gonder", "gonderin", "gonderir misiniz", "iletir misiniz",
            "posaljite", "poslati", "dostavite", "送って", "送付", "お送り", "ご送付", "发送", "发给", "寄", "提供",
        ],
        // Can we / could we / would it be possible: a polite request.
        "request": [
            "can we", "could we", "may we", "would it be possible", "is it possible", "possible to", "possibility", "would you accept", "posibilidad", "possibilita", "mogelijkheid",
            "possibilidade", "posibilitate", "imkan", "mogucnost", "我们想", "希望", "请考虑", "烦请考虑", "ご検討",
            "would you agree", "allow us", "we would like to", "we ask", "we kindly ask", "request",
            "pouvons-nous", "pourrions-nous", "serait-il possible", "est-il possible", "possible de", "accepteriez",
            "nous souhaiterions", "nous demandons", "demande",
            "konnen wir", "konnten wir", "ware es moglich", "ist es moglich", "moglich", "bitten um", "wir bitten",
            "wurden sie", "anfrage",
            "podemos", "podriamos", "seria posible", "es posible", "posible", "solicitamos", "pedimos", "solicitud",
            "aceptarian",
            "possiamo", "potremmo", "sarebbe possibile", "e possibile", "possibile", "chiediamo", "richiesta",
            "accettereste",
            "kunnen we", "zouden we", "zou het mogelijk", "is het mogelijk", "mogelijk", "verzoeken", "verzoek",
            "vragen", "akkoord gaan",
            "podemos", "poderiamos", "seria possivel", "e possivel", "possivel", "solicitamos", "pedimos", "pedido de",
            "czy mozemy", "czy moglibysmy", "czy byloby mozliwe", "czy jest mozliwe", "mozliwe", "mozliwosc",
            "prosimy", "prosba", "czy zgodza",
            "putem", "am putea", "ar fi posibil", "este posibil", "posibil", "posibilitatea", "solicitam", "rugam",
            "solicitare",
            "kan vi", "skulle vi kunna", "vore det mojligt", "ar det mojligt", "mojligt", "mojlighet", "ber om",
            "begaran",
            "mumkun mu", "mumkun", "rica ediyoruz", "talep", "olabilir mi", "miyiz",
            "mozemo li", "bismo li mogli", "bi li bilo moguce", "je li moguce", "moguce", "molimo", "zamolba", "molba",
            "可能でしょうか", "いただけますか", "いただけないでしょうか", "お願い", "可能ですか",
            "可以吗", "能否", "可否", "是否可以", "能不能", "请求", "申请", "麻烦",
        ],
        // Instalments and payment plans.
        "plan": [
            "instalment", "instalments", "installment", "installments", "payment plan", "payment schedule", "spread",
            "monthly payments", "in parts", "tranches", "echeancier", "echelonn*", "mensualit*", "en plusieurs fois",
            "plan de paiement", "ratenzahlung", "raten", "ratenplan", "zahlungsplan", "in teilen", "monatsraten",
            "plazos", "cuotas", "fraccionar", "fraccionado", "plan de pagos", "rateizza*", "a rate", "in rate", "rata", "rateale", "rateali",
            "piano di rientro", "piano di pagamento", "termijnen", "termijn", "betalingsregeling", "gespreid",
            "afbetaling*", "in delen", "parcelas", "parcelar", "parcelamento", "prestacoes", "plano de pagamento",
            "raty", "ratach", "rozlozenie", "rozlozyc", "harmonogram", "plan splat", "esalonare", "esalonat*",
            "plata in rate", "plan de plata", "avbetalning", "avbetalningsplan", "delbetalning*", "betalningsplan",
            "taksit", "taksitle", "taksitler*", "odeme plani", "obroc*", "obrok*", "plan otplate",
            "分割", "分納", "分割払い", "支払い計画", "分期", "分批", "分几次", "付款计划", "分两次", "分三次", "分开付", "回に分け",
        ],
        // More time: extension, deferral, postponement, a few more days.
        "more_time": [
            "more time", "extension", "extend", "defer", "deferral", "postpone", "delay", "grace", "few more days",
            "a few days", "push back", "additional time", "later date",
            "delai", "delai supplementaire", "reporter", "reportez", "repousser", "quelques jours", "plus de temps",
            "prolongation", "prolonger", "aufschub", "verlangerung", "verlangern", "mehr zeit", "verschieben",
            "zahlungsziel", "stundung", "ein paar tage", "einige tage", "prorroga", "prorrogar", "aplazar",
            "aplazamiento", "mas tiempo", "unos dias", "posponer", "ampliar el plazo", "proroga", "prorogare",
            "dilazione", "rinviare", "posticipare", "piu tempo", "qualche giorno", "rinvio", "uitstel", "verlenging",
            "verlengen", "meer tijd", "uitstellen", "enkele dagen", "paar dagen", "prorrogacao", "prorrogar", "adiar",
            "adiamento", "mais tempo", "alguns dias", "prazo", "odroczenie", "odroczyc", "przesuniecie", "przesunac",
            "wiecej czasu", "przedluzenie", "kilka dni", "prolongat*", "amanare", "amana", "amanam", "prelungire",
            "mai mult timp", "cateva zile", "termen", "pasuire", "amanarea", "anstand", "uppskov", "forlangning", "forlanga", "mer tid",
            "skjuta upp", "nagra dagar", "erteleme", "ertele*", "ek sure", "uzatma", "biraz sure", "birkac gun", "vade",
            "odgoda", "odgodu", "odgoditi", "produljenje", "produziti", "vise vremena", "nekoliko dana", "rok",
            "延長", "猶予", "延期", "待って", "数日", "遅らせ", "延期", "宽限", "推迟", "晚几天", "缓", "多给", "几天",
        ],
        // Cash-flow difficulties.
        "hardship": [
            "cash flow", "cashflow", "liquidity", "difficult", "difficulties", "tight", "financial", "struggling",
            "tresorerie", "difficultes", "difficile", "liquiditat", "engpass", "schwierig*", "finanziell*", "liquidez",
            "dificultades", "dificil", "liquidita", "difficolta", "difficile", "liquiditeit", "moeilijk*", "krap",
            "dificuldades", "dificil", "plynnosc", "plynnosci", "trudnosci", "trudn*", "dificultati", "lichiditate",
            "greu", "likviditet", "svarigheter", "svart", "nakit", "sikinti", "zorluk", "zor", "likvidnost",
            "poteskoce", "tesko", "sikisik", "sikistik", "nakit sikintisi", "資金繰り", "厳しい", "資金", "资金紧张", "周转", "困难", "资金",
        ],
    ]
}
