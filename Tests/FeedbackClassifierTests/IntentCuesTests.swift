import Testing
@testable import FeedbackClassifier

@Suite struct IntentCuesTests {
    /// A concept and one sentence per language that must evoke it, in the order
    /// en fr de es it nl pt pl ro sv tr hr ja zh.
    struct Case: Sendable, CustomTestStringConvertible {
        let concept: String
        let sentences: [String]
        var testDescription: String { concept }
    }

    static let languages = ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "tr", "hr", "ja", "zh"]

    static let cases: [Case] = [
        Case(concept: "paid", sentences: [
            "We paid it yesterday.", "Nous avons payé la facture.", "Die Rechnung wurde gestern bezahlt.",
            "Ya hemos pagado la factura.", "Abbiamo già pagato.", "Wij hebben dit al betaald.",
            "A fatura já foi paga.", "Faktura została opłacona wczoraj.", "Am plătit factura ieri.",
            "Fakturan är betald.", "Fatura ödendi.", "Račun je plaćen jučer.", "昨日お振込みしました。", "我们已付款。",
        ]),
        Case(concept: "will_pay", sentences: [
            "We will pay on Friday.", "Nous paierons vendredi.", "Wir werden die Rechnung am Freitag bezahlen.",
            "Pagaremos el viernes.", "Pagheremo venerdì.", "Wij zullen vrijdag betalen.", "Vamos pagar na sexta.",
            "Zapłacimy w piątek.", "Vom plăti vineri.", "Vi kommer att betala på fredag.", "Cuma günü ödeyeceğiz.",
            "Platit ćemo u petak.", "金曜日にお支払いします。", "我们周五会付款。",
        ]),
        Case(concept: "refuse", sentences: [
            "We will not pay this invoice.", "Nous ne paierons pas cette facture.", "Wir werden das nicht bezahlen.",
            "No vamos a pagar esta factura.", "Non pagheremo questa fattura.", "Wij gaan dit niet betalen.",
            "Não vamos pagar esta fatura.", "Nie zapłacimy tej faktury.", "Nu vom plăti această factură.",
            "Vi vägrar betala.", "Bu faturayı ödemeyeceğiz.", "Nećemo platiti ovaj račun.", "このお支払いできません。",
            "这笔款我们不付。",
        ]),
        Case(concept: "quality", sentences: [
            "The goods arrived damaged.", "La marchandise est arrivée endommagée.", "Die Ware ist beschädigt.",
            "La mercancía llegó dañada.", "La merce è arrivata danneggiata.", "De goederen zijn beschadigd.",
            "A mercadoria chegou danificada.", "Towar jest uszkodzony.", "Marfa a ajuns deteriorată.",
            "Varorna är skadade.", "Ürünler hasarlı geldi.", "Roba je oštećena.", "商品が破損していました。", "货物损坏了。",
        ]),
        Case(concept: "copy", sentences: [
            "Could you send a copy of the invoice?", "Pouvez-vous nous envoyer une copie ?", "Bitte senden Sie eine Kopie.",
            "¿Pueden enviarnos una copia?", "Potete inviarci una copia?", "Kunt u een kopie sturen?",
            "Podem enviar uma cópia?", "Proszę o kopię faktury.", "Vă rog să trimiteți o copie.",
            "Kan ni skicka en kopia?", "Faturanın kopyasını gönderir misiniz?", "Molim kopiju računa.",
            "請求書の再発行をお願いします。", "请补发发票。",
        ]),
        Case(concept: "plan", sentences: [
            "Can we pay in three instalments?", "Peut-on payer en trois mensualités ?", "Ist eine Ratenzahlung möglich?",
            "¿Podemos pagar en tres plazos?", "Possiamo rateizzare?", "Kunnen we een betalingsregeling treffen?",
            "Podemos pagar em parcelas?", "Czy możemy zapłacić w ratach?", "Putem plăti în rate?",
            "Kan vi få en avbetalningsplan?", "Taksitle ödeyebilir miyiz?", "Možemo li platiti u obrocima?",
            "分割払いは可能でしょうか。", "可以分期付款吗？",
        ]),
        Case(concept: "more_time", sentences: [
            "We need more time.", "Nous avons besoin d'un délai.", "Wir brauchen einen Aufschub.",
            "Necesitamos más tiempo.", "Chiediamo una proroga.", "Wij vragen uitstel.", "Precisamos de mais tempo.",
            "Prosimy o odroczenie.", "Avem nevoie de mai mult timp.", "Vi behöver anstånd.", "Biraz ek süre istiyoruz.",
            "Trebamo odgodu plaćanja.", "支払いの延長をお願いします。", "请给我们宽限几天。",
        ]),
        Case(concept: "left", sentences: [
            "I no longer work here.", "Je ne travaille plus dans cette société.", "Ich bin nicht mehr im Unternehmen.",
            "Ya no trabajo en esta empresa.", "Non lavoro più qui.", "Ik werk hier niet meer.",
            "Já não trabalho nesta empresa.", "Już nie pracuję w tej firmie.", "Nu mai lucrez la această firmă.",
            "Jag arbetar inte längre här.", "Artık bu şirkette çalışmıyorum.", "Više ne radim u ovoj tvrtki.",
            "退職いたしました。", "我已经离职了。",
        ]),
        Case(concept: "ack", sentences: [
            "Noted, we will check.", "Bien reçu, nous vérifions.", "Wir prüfen das und melden uns.",
            "Recibido, lo revisamos.", "Ricevuto, verifichiamo.", "Genoteerd, we kijken ernaar.",
            "Recebido, vamos verificar.", "Sprawdzimy i odezwiemy się.", "Am notat, revenim.", "Noterat, vi kollar.",
            "Kontrol ediyoruz.", "Provjerit ćemo.", "確認いたします。", "收到，我们核实一下。",
        ]),
        Case(concept: "absence", sentences: [
            "I am out of the office until Monday.", "Je suis en congés jusqu'au 3.", "Ich bin im Urlaub.",
            "Estoy de vacaciones.", "Sono in ferie.", "Ik ben op vakantie.", "Estou de férias.", "Jestem na urlopie.",
            "Sunt în concediu.", "Jag är på semester.", "İzindeyim.", "Na godišnjem sam odmoru.", "休暇中です。",
            "我在休假。",
        ]),
        Case(concept: "auto", sentences: [
            "This is an automatic reply.", "Ceci est une réponse automatique.", "Dies ist eine automatische Antwort.",
            "Esta es una respuesta automática.", "Questa è una risposta automatica.", "Dit is een automatisch antwoord.",
            "Esta é uma resposta automática.", "To jest odpowiedź automatyczna.", "Acesta este un răspuns automat.",
            "Detta är ett automatiskt svar.", "Bu otomatik bir yanıttır.", "Ovo je automatski odgovor.",
            "自動返信です。", "这是自动回复。",
        ]),
        Case(concept: "redirect", sentences: [
            "Please contact our accounts payable.", "Merci de contacter la comptabilité.",
            "Bitte wenden Sie sich an die Buchhaltung.", "Contacte con contabilidad.", "Contattare l'amministrazione.",
            "Neem contact op met de boekhouding.", "Entre em contato com a contabilidade.",
            "Proszę kontaktować się z księgowością.", "Vă rog contactați contabilitatea.", "Kontakta ekonomiavdelningen.",
            "Muhasebe ile iletişime geçin.", "Obratite se računovodstvu.", "経理にご連絡ください。", "请联系财务。",
        ]),
    ]

    @Test(arguments: cases)
    func conceptFiresInEveryLanguage(_ c: Case) {
        #expect(c.sentences.count == Self.languages.count)
        for (lang, sentence) in zip(Self.languages, c.sentences) {
            let found = IntentCues.find(in: sentence)
            #expect(found.contains(c.concept), "\(c.concept) not found in \(lang)")
        }
    }

    @Test func negationPrefixesTheConceptThatFollows() {
        #expect(IntentCues.find(in: "we have not received the invoice").contains("not_receive"))
        #expect(IntentCues.find(in: "Wir haben die Rechnung nicht erhalten").contains("not_receive"))
        // Verb-second: the negation follows the verb, seen only with a window after.
        #expect(IntentCues.find(in: "Wir zahlen nicht").contains("pay"))
        #expect(IntentCues.find(in: "Wir zahlen nicht", negationAfter: 2).contains("not_pay"))
        // A phrase that holds its own negation is not negated again.
        #expect(IntentCues.find(in: "we will not pay").contains("refuse"))
        #expect(!IntentCues.find(in: "we will not pay").contains("not_refuse"))
    }

    @Test func phrasesWithAGapStemsAndSuffixes() {
        #expect(IntentCues.find(in: "We will certainly pay it").contains("will_pay"))  // "will ~ pay"
        #expect(IntentCues.find(in: "zapłaciliśmy").contains("paid"))  // stem zaplacil*
        #expect(IntentCues.find(in: "gönderdik").contains("past"))  // suffix *dik
        #expect(!IntentCues.find(in: "We will review it").contains("will_pay"))
        #expect(IntentCues.find(in: "Die Rechnung wird morgen bezahlt").contains("will_pay"))
        #expect(!IntentCues.find(in: "Die Rechnung wird nicht bezahlt").contains("will_pay"))
    }

    /// Passive futures are promises, not payments made ("sera viré", "se pagarán", "zostaną opłacone"); "已经转给"
    /// (already forwarded to) is not a transfer; "分两次" asks for instalments.
    @Test func passiveFuturesForwardingAndInstalments() {
        for sentence in ["Le solde sera viré le 31 mars.", "Las dos facturas se pagarán dentro de 15 días.",
                         "Le fatture saranno pagate a fine mese.", "Obie faktury zostaną opłacone w piątek.",
                         "Facturile vor fi plătite luni.", "As faturas vão ser pagas na sexta."] {
            let found = IntentCues.find(in: sentence)
            #expect(found.contains("will_pay"), "\(sentence)")
            #expect(!found.contains("paid"), "\(sentence)")
        }
        #expect(!IntentCues.find(in: "您好，已经转给我们总部财务了。").contains("paid"))
        #expect(IntentCues.find(in: "我们已经转账了。").contains("paid"))
        #expect(IntentCues.find(in: "可以分两次付吗").contains("plan"))
    }

    /// Unmonitored mailboxes are machine wording in every language, not only in English.
    @Test(arguments: ["This inbox is no longer in use.", "Cette adresse n'est pas consultée.",
                      "Diese Mailbox wird nicht überwacht.", "Este buzón no se revisa.",
                      "Questa casella non è monitorata.", "Deze mailbox wordt niet gelezen.",
                      "Esta caixa não é monitorizada.", "Ta skrzynka nie jest monitorowana.", "此邮箱无人查看。"])
    func unmonitoredMailboxesAreAutomatic(_ sentence: String) {
        #expect(IntentCues.find(in: sentence).contains("auto"), "\(sentence)")
    }

    @Test func everyConceptHasEntriesAndTheIndexIsBuilt() {
        for (concept, entries) in IntentCues.concepts { #expect(!entries.isEmpty, "\(concept) is empty") }
        #expect(IntentCues.entryCount > 2_000)
        #expect(!IntentCues.index.patterns.isEmpty)
        #expect(IntentCues.concepts["date_word"]?.contains("vendredi") == true)
    }

    @Test func extractorAddsCueAndPairFeatures() {
        var plain = FeatureExtractor()
        plain.cuePairWeight = 0
        var paired = FeatureExtractor()
        paired.cuePairWeight = 1
        let text = "We have not received the invoice, please send a copy."
        #expect(paired.features(text).count > plain.features(text).count)
        plain.useCues = false
        #expect(plain.features(text).count < paired.features(text).count)
    }
}
