/// Concepts of the situation around a reply: attachments, approvals, proposals, warranties, office closures, deputies,
/// greetings and invitations. Order inside each list: en fr de es it nl pt pl ro sv tr hr ja zh.
extension IntentCues {
    static let situations: [String: [String]] = [
        // Something is attached (remittance, proof, document).
        "attached": [
            "attached", "attachment", "enclosed", "please find", "ci-joint", "ci-jointe", "piece jointe", "en annexe",
            "anbei", "im anhang", "beigefugt", "anhang", "adjunto", "adjunta", "adjuntamos", "en el adjunto", "allegato",
            "in allegato", "allegata", "alleghiamo", "vi giro", "bijgevoegd", "in de bijlage", "bijlage", "em anexo",
            "anexo", "segue", "anexamos", "w zalaczeniu", "zalaczam", "zalaczamy", "zalacznik*", "atasat", "atasez",
            "anexat", "anexa", "in atasament", "bifogat", "bifogar", "bilaga", "bilagan", "ekte", "ekteki", "ekli",
            "ekte gonderiyoruz", "u privitku", "u prilogu", "prilazem", "prilog", "添付", "別添", "附件", "附上", "见附",
        ],
        // Approved for payment, released, booked.
        "approved": [
            "approved", "released", "booked", "authorised", "authorized", "in the system", "approuve", "approuvee",
            "valide", "validee", "autorise", "comptabilise", "freigegeben", "genehmigt", "gebucht", "verbucht",
            "autorizado", "autorizada", "aprobado", "aprobada", "contabilizad*", "cargado", "autorizzat*", "approvat*",
            "registrat*", "contabilizzat*", "goedgekeurd", "vrijgegeven", "geboekt", "aprovado", "aprovada",
            "lancado", "lancada", "zatwierdzon*", "zaksiegowan*", "zaakceptowan*", "aprobat*", "inregistrat*",
            "inregistrata", "godkand", "godkant", "attest*", "bokford", "onaylandi", "onaylanmistir", "islendi",
            "odobren*", "proknjizen*", "承認済", "承認", "計上", "已批准", "批准", "审批通过", "已入账",
        ],
        // We propose / would that suit you.
        "propose": [
            "we propose", "we suggest", "would that be ok", "is that ok", "is this acceptable", "would you agree",
            "proposons", "je propose", "nous proposons", "ca vous irait", "cela vous convient", "pode ser", "que te parece", "que le parece", "jesli to nie problem",
            "czy moze tak byc", "vous convient",
            "schlagen vor", "vorschlag", "ware das ok", "passt das", "einverstanden", "proponemos", "propongo",
            "propuesta", "le parece bien", "le parece", "proponiamo", "propongo", "proposta", "vi va bene",
            "andrebbe bene", "stellen voor", "voorstel", "is dat akkoord", "is dat goed", "propomos", "proponho",
            "proposta", "concordam", "proponujemy", "proponuje", "propozycja", "czy to bedzie ok", "czy zgadzacie",
            "propunem", "propun", "propunere", "sunteti de acord", "foreslar", "forslag", "gar det bra", "fungerar det",
            "oneriyoruz", "oneri", "teklif ediyoruz", "uygun mu", "uygun gorurseniz", "predlazemo", "predlazem",
            "prijedlog", "odgovara li", "je li to u redu", "提案", "ご提案", "よろしいでしょうか", "建议", "提议", "行吗",
            "可以接受",
        ],
        // Not able to pay in one go; only part now.
        "not_at_once": [
            "in one go", "at once", "in full", "the full amount", "in one payment", "lump sum", "en une fois",
            "en totalite", "la totalite", "auf einmal", "in einer summe", "den gesamten betrag", "de una vez",
            "en su totalidad", "el total", "in un'unica soluzione", "in una volta", "l'intero importo", "in een keer",
            "in een keer", "het volledige bedrag", "de uma vez", "na totalidade", "o valor total", "jednorazowo",
            "calosc", "calej kwoty", "cala kwote", "dintr-o data", "integral", "suma totala", "pa en gang",
            "hela beloppet", "tek seferde", "tamamini", "odjednom", "cijeli iznos", "ukupan iznos", "一括",
            "全額", "一次性", "全部付清", "全额",
        ],
        // Not before a date: the customer pushes the payment out.
        "not_before": [
            "not before", "not until", "pas avant", "pas avant le", "nicht vor", "erst im", "erst ab", "erst nach",
            "no antes", "no antes de", "hasta el", "non prima", "non prima di", "niet voor", "pas in", "pas na",
            "nao antes", "so em", "so no", "nie wczesniej", "dopiero w", "dopiero", "nu inainte", "abia", "inte fore",
            "forst i", "forst nasta", "once degil", "ancak", "ne prije", "tek u", "tek za", "以降", "までは", "之后才",
            "才能",
        ],
        // Warranty and guarantee.
        "warranty": [
            "warranty", "guarantee", "under warranty", "garantie", "sous garantie", "gewahrleistung", "garantia",
            "en garantia", "garanzia", "in garanzia", "garantie", "garantia", "gwarancja", "gwarancji", "gwarancyj*",
            "garantie", "garantia", "garanti", "garantin", "garanti kapsaminda", "jamstvo", "jamstva", "garancij*",
            "保証", "保修", "质保",
        ],
        // The service was not performed, or differs from what was agreed.
        "not_performed": [
            "not performed", "not done", "never done", "not carried out", "different from", "differs", "does not match",
            "pas effectue", "pas realise", "ne correspond pas", "differe", "nicht erbracht", "nicht durchgefuhrt",
            "weicht ab", "abweich*", "entspricht nicht", "no se realizo", "no se hizo", "no corresponde", "diferente",
            "non eseguit*", "non effettuat*", "non corrisponde", "diverso", "diversa", "niet uitgevoerd",
            "komt niet overeen", "afwijk*", "anders dan", "nao foi realizad*", "nao foi feito", "nao corresponde",
            "nie wykonan*", "nie zostal wykonan*", "nie zgadza", "rozni sie", "inny niz", "nu a fost efectuat*",
            "nu corespunde", "diferit*", "inte utfort*", "utfordes inte", "stammer inte overens", "avviker",
            "yapilmadi", "farkli", "uyusmuyor", "nije obavljen*", "nije izvrsen*", "ne odgovara", "razlikuje",
            "実施されて", "異なって", "異なる", "相違", "没有做", "没做", "不一致", "不符合",
        ],
        // Office closed, holidays for everybody.
        "office_closed": [
            "office closed", "offices will be closed", "closed until", "closed from", "ferme", "fermes", "fermeture",
            "geschlossen", "betriebsurlaub", "cerrado", "cerrada", "cierre", "chiuso", "chiusi", "chiusura", "gesloten",
            "fechado", "fechada", "encerrad*", "zamkniet*", "nieczynn*", "inchis*", "stangt", "stangd", "kapali",
            "kapali olacaktir", "zatvoren*", "休業", "休み", "放假", "休息",
        ],
        // A deputy or stand-in during an absence.
        "deputy": [
            "in my absence", "my colleague", "deputy", "stand-in", "en mon absence", "remplacant",
            "remplacante", "vertretung", "vertreter", "vertreterin", "en mi ausencia", "sustituto", "sustituta",
            "in mia assenza", "sostituto", "sostituta", "tijdens mijn afwezigheid", "vervanger", "vervangster",
            "na minha ausencia", "substituto", "substituta", "podczas mojej nieobecnosci", "zastepstwo", "zastepuje",
            "in lipsa mea", "inlocuitor", "inlocuitoare", "under min franvaro", "ersattare", "vekalet", "vekil",
            "yokluğumda", "yoklugumda", "za vrijeme mog odsustva", "zamjena", "zamjenjuje", "代理", "代わり", "代理人",
        ],
        // Travel, illness, parental leave: reasons for an absence.
        "away_reason": [
            "business trip", "travelling", "traveling", "sick", "illness", "maternity", "paternity", "parental",
            "deplacement", "en deplacement", "malade", "maladie", "conge parental", "maternite", "dienstreise",
            "krank", "krankheitsbedingt", "elternzeit", "mutterschutz", "viaje", "de viaje", "enfermo", "enferma",
            "baja", "maternidad", "paternidad", "trasferta", "in trasferta", "malattia", "maternita", "zakenreis",
            "op reis", "ziek", "ouderschapsverlof", "zwangerschapsverlof", "viagem", "em viagem", "doente", "licenca",
            "podrozy", "delegacj*", "chorob*", "macierzynsk*", "rodzicielsk*", "deplasare", "in deplasare", "bolnav*",
            "maternitate", "tjansteresa", "sjuk", "sjukskriven", "foraldraledig", "seyahat", "is seyahati",
            "raporlu", "dogum izni", "sluzbeni put", "bolovanje", "rodiljni", "porodiljni", "出張", "病気",
            "産休", "育休", "出差", "病假", "产假",
        ],
        // Ticket and case numbers, registration of the message.
        "case_number": [
            "case number", "ticket number", "reference number", "request number", "numero de dossier",
            "numero de ticket", "ticketnummer", "vorgangsnummer", "numero de caso", "numero de solicitud",
            "numero di pratica", "numero di protocollo", "protocollo", "zaaknummer", "meldingsnummer", "numero do pedido",
            "numero do chamado", "protocolo", "numer zgloszenia", "zgloszenie", "numar de inregistrare", "inregistrata",
            "registratura", "arendenummer", "arende", "talep numarasi", "kayit numarasi", "broj predmeta",
            "broj zahtjeva", "受付番号", "お問い合わせ番号", "工单号", "受理",
        ],
        // The address or mailbox is no longer used.
        "mailbox_closed": [
            "no longer in use", "no longer monitored", "no longer active", "deactivated", "discontinued",
            "n'est plus utilisee", "n'est plus active", "desactivee", "nicht mehr betreut", "nicht mehr aktiv",
            "wird nicht mehr", "deaktiviert", "ya no se utiliza", "ya no esta activa", "desactivad*", "dismess*",
            "non e piu attiv*", "disattivat*", "niet meer in gebruik", "wordt niet meer", "gedeactiveerd",
            "nao e mais utilizad*", "ja nao e utilizad*", "desativad*", "nie jest juz", "nieaktywn*",
            "nu mai este folosit*", "nu mai este activ*", "dezactivat*", "anvands inte langre", "inte langre aktiv",
            "avaktiverad", "kullanilmamaktadir", "artik kullanilmiyor", "aktif degil", "vise se ne koristi",
            "vise nije aktivn*", "deaktivirana", "使用されておりません", "廃止", "停用", "不再使用",
        ],
        // Season's greetings and congratulations.
        "greetings": [
            "merry christmas", "happy new year", "season's greetings", "happy holidays", "congratulations",
            "joyeux noel", "bonne annee", "joyeuses fetes", "felicitations", "frohe weihnachten", "guten rutsch",
            "frohes neues", "gluckwunsch", "feliz navidad", "feliz ano", "felices fiestas", "felicidades",
            "enhorabuena", "buon natale", "buone feste", "felice anno", "congratulazioni", "auguri", "prettige feestdagen",
            "gelukkig nieuwjaar", "fijne feestdagen", "gefeliciteerd", "boas festas", "feliz natal", "parabens",
            "wesolych swiat", "szczesliwego nowego", "gratulacje", "craciun fericit", "la multi ani", "sarbatori fericite",
            "felicitari", "god jul", "gott nytt ar", "grattis", "mutlu yillar", "iyi bayramlar", "bayraminiz",
            "tebrikler", "sretan bozic", "sretna nova", "cestitam", "cestitke", "おめでとう", "良いお年", "恭喜", "新年快乐",
            "圣诞快乐", "节日快乐",
        ],
        // Trade fairs, cooperation, dealerships, tests.
        "business_other": [
            "trade fair", "exhibition", "booth", "stand", "dealer", "distributor", "reseller", "cooperation",
            "test", "please ignore", "salon", "exposant", "partenariat", "revendeur", "messe", "ausstellung",
            "handler", "zusammenarbeit", "feria", "distribuidor", "colaboracion", "fiera", "rivenditore",
            "collaborazione", "beurs", "dealer", "samenwerking", "feira", "revendedor", "parceria", "targi",
            "stoisko", "dystrybutor", "wspolprac*", "targ", "distribuitor", "colaborare", "massa", "aterforsaljare",
            "samarbete", "fuar", "bayi", "bayilik", "isbirligi", "sajam", "distributer", "suradnj*", "展示会",
            "代理店", "テスト", "展会", "经销", "合作", "测试",
        ],
        // The money is on its way: should arrive, should show tomorrow.
        "in_transit": [
            "should arrive", "should see it", "should reach", "to clear", "on its way", "devrait arriver",
            "devriez le voir", "devriez le recevoir", "en cours", "sollte ankommen", "sollte eingehen",
            "sollte morgen", "unterwegs", "deberia llegar", "deberian verlo", "en camino", "dovrebbe arrivare",
            "dovreste vederlo", "in arrivo", "zou moeten binnenkomen", "onderweg", "deve chegar", "em compensacao",
            "a caminho", "powinien dotrzec", "powinny wplynac", "w drodze", "ar trebui sa ajunga", "pe drum",
            "borde komma", "bor synas", "pa vag", "ulasmasi gerekir", "yolda", "trebao bi stici", "trebala bi stici",
            "na putu", "着金", "到账", "在途",
        ],
        // Done, settled, finished.
        "done": [
            "done", "fait", "erledigt", "hecho", "fatto", "gedaan", "feito", "zrobione", "gata", "klart", "tamam",
            "gotovo", "完了", "済みです", "搞定", "办好了",
        ],
        // Why: a question about a charge.
        "why": [
            "why", "how come", "pourquoi", "comment se fait", "warum", "wieso", "weshalb", "por que", "porque",
            "perche", "come mai", "waarom", "hoe komt", "dlaczego", "czemu", "de ce", "varfor", "hur kommer",
            "neden", "niye", "zasto", "kako to", "なぜ", "どうして", "为什么", "怎么",
        ],
        // Moving, new address, product questions: business about something else.
        "other_business": [
            "we are moving", "new address", "moving", "available", "in stock", "nouvelle adresse", "demenage*",
            "disponible", "en stock", "ziehen um", "umzug", "neue adresse", "verfugbar", "lieferbar", "mudanza",
            "nueva direccion", "nos mudamos", "trasloco", "nuovo indirizzo", "disponibile", "verhuizen", "verhuizing",
            "nieuw adres", "beschikbaar", "op voorraad", "mudanca", "novo endereco", "disponivel", "em stock",
            "przeprowadzk*", "nowy adres", "dostepn*", "mutare", "ne mutam", "noua adresa", "disponibil", "stoc",
            "flyttar", "ny adress", "i lager", "tillganglig", "tasiniyoruz", "yeni adres", "stokta", "mevcut",
            "selimo", "nova adresa", "dostupn*", "na zalihi", "移転", "在庫", "搬家", "新地址", "有货", "库存",
        ],
        // The payment will follow: arranged, planned, in the next run.
        "will_follow": [
            "will follow", "to follow", "arrange payment", "arrange the payment", "planned for", "next payment run",
            "included in", "suivra", "sera effectue", "sera effectuee", "prochaine campagne", "prochain reglement",
            "folgt", "erfolgt", "wird erfolgen", "nachsten zahllauf", "se realizara", "se efectuara", "proxima remesa",
            "seguira", "verra effettuat*", "prossimo giro", "prossima distinta", "volgt", "zal plaatsvinden",
            "volgende betaalrun", "wordt ingepland", "sera feito", "sera feita", "proximo lote", "sera realizad*",
            "nastapi", "zostanie wykonan*", "zostanie zrealizowan*", "w najblizszym", "va urma", "va fi efectuat*",
            "va fi facut*", "foljer", "kommer att ske", "nasta betalningsomgang", "yapilacak", "yapilacaktir",
            "gerceklestirilecek", "slijedi", "bit ce izvrsen*", "izvrsit cemo", "予定です", "手配", "支払手続き",
            "安排", "下一批", "尽快安排",
        ],
        // The money left the account: processed, debited, executed.
        "processed": [
            "processed", "has been processed", "was processed", "debited", "left our account", "executed",
            "debite", "a ete effectue", "a ete execute", "est parti", "abgebucht", "ausgefuhrt", "durchgefuhrt",
            "ejecutad*", "debitad*", "salio", "addebitat*", "e partito", "afgeschreven", "verwerkt", "is verstuurd",
            "processad*", "saiu", "obciazon*", "wyszedl", "wyszla", "debitat*", "procesat*", "a iesit", "dragits",
            "genomford", "skickad", "hesabimizdan cikti", "cikis yapildi", "terecen*", "proveden*", "izvrseno",
            "手続き済", "完了しました", "已处理", "已扣款", "已发出",
        ],
        // Goods sent back, returns.
        "returned": [
            "returned", "sent back", "send back", "retourne", "retournee", "renvoye", "zuruckgeschickt",
            "rucksendung", "retoure", "devuelto", "devuelta", "devolucion", "reso", "restituit*", "geretourneerd",
            "teruggestuurd", "retour", "devolvid*", "devolucao", "zwrocil*", "zwrot", "zwrotu", "odeslal*",
            "returnat*", "retur", "returnerat*", "skickat tillbaka", "iade", "geri gonderdik", "vratili", "povrat",
            "返品", "返送", "退货", "退回",
        ],
        // Lawyers and legal steps.
        "legal": [
            "lawyer", "legal", "solicitor", "court", "avocat", "juridique", "tribunal", "anwalt", "rechtsanwalt",
            "gericht", "abogado", "juzgado", "avvocato", "legale", "tribunale", "advocaat", "juridisch", "rechtbank",
            "advogado", "juridico", "prawnik", "prawny", "sadowy", "sadowe", "avocatul", "instanta", "advokat", "jurist",
            "domstol", "avukat", "mahkeme", "hukuki", "odvjetnik", "sud", "弁護士", "法的", "律师", "法院",
        ],
        // The dunning reminder itself.
        "reminder": [
            "reminder", "chaser", "relance", "rappel", "mahnung", "erinnerung", "zahlungserinnerung", "recordatorio",
            "requerimiento", "sollecito", "promemoria", "herinnering", "aanmaning", "lembrete", "aviso",
            "przypomnienie", "monit", "upomnienie", "somatie", "somatia", "reamintire", "paminnelse", "paminnelsen",
            "hatirlatma", "ihtar", "opomena", "opomenu", "督促", "催促", "催款", "提醒",
        ],
        // "Your message was received": the wording of ticket systems.
        "your_message": [
            "your message", "your email", "your request", "response time", "respond within", "votre message",
            "votre demande", "delai de reponse", "ihre nachricht", "ihre anfrage", "bearbeitungszeit", "antwortzeit",
            "su mensaje", "su correo", "su solicitud", "tiempo de respuesta", "il suo messaggio", "la sua richiesta",
            "tempo di risposta", "uw bericht", "uw verzoek", "reactietijd", "a sua mensagem", "o seu pedido",
            "tempo de resposta", "pana wiadomosc", "panstwa wiadomosc", "czas odpowiedzi", "mesajul dvs",
            "mesajul dumneavoastra", "timp de raspuns", "ditt meddelande", "ditt arende", "svarstid", "mesajiniz",
            "mailiniz", "talebiniz", "yanit suresi", "vasu poruku", "vasa poruka", "vaseg zahtjeva", "お問い合わせ",
            "メールを受信", "您的邮件", "您的请求", "回复时间",
        ],
        // Payment instruments: cash, cheque, card, local schemes.
        "pay_method": [
            "cash", "cheque", "check", "card", "direct debit", "especes", "carte", "prelevement", "bar", "scheck",
            "karte", "lastschrift", "efectivo", "tarjeta", "pagare", "domiciliacion", "contanti", "assegno", "carta",
            "riba", "contant", "pinnen", "incasso", "dinheiro", "cartao", "mb way", "pix", "boleto", "debito direto",
            "gotowka", "gotowke", "czek", "karta", "polecenie zaplaty", "numerar", "cec", "fila cec", "debit direct",
            "kontant", "kort", "swish", "autogiro", "nakit", "cek", "kredi karti", "otomatik odeme", "gotovina",
            "gotovinom", "kartica", "trajni nalog", "現金", "小切手", "手形", "口座振替", "现金", "支票", "汇票", "承兑",
        ],
        // How invoices are to be sent: e-invoicing networks, portals, scanning centres.
        "invoicing_channel": [
            "e-invoice", "e-invoicing", "einvoice", "peppol", "edi", "facture electronique", "chorus", "e-rechnung",
            "xrechnung", "factura electronica", "face", "fattura elettronica", "sdi", "e-factuur", "fatura eletronica",
            "nota fiscal eletronica", "e-faktura", "ksef", "e-factura", "efaktura", "e-fatura", "e-arsiv", "e-racun",
            "電子請求書", "电子发票", "全电",
        ],
        // Not a customer, a mix-up with another company.
        "not_customer": [
            "not your customer", "not a customer", "never been a customer", "pas client", "pas vos clients",
            "kein kunde", "nicht ihr kunde", "no somos clientes", "no somos cliente", "non siamo clienti",
            "non siamo vostri clienti", "geen klant", "nao somos clientes", "nie jestesmy klientem",
            "nie jestesmy klientami", "nu suntem clienti", "inte kund", "inte kunder", "musteriniz degiliz",
            "nismo vas kupac", "nismo vasi kupci", "お客様ではありません", "不是你们的客户", "不是贵司客户",
        ],
        // One more: another month, a few more weeks.
        "more": [
            "another", "one more", "encore", "noch", "mas", "ancora", "nog", "mais", "jeszcze", "inca", "ytterligare",
            "daha", "jos", "再", "もう",
        ],
        // Personal phone or address: leave me alone.
        "personal": [
            "personal", "private", "personnel", "personnelle", "prive", "privat", "privado", "personale", "privato",
            "prive", "pessoal", "privad*", "prywatn*", "osobist*", "personal*", "privat*", "kisisel", "ozel",
            "osobn*", "privatn*", "個人", "私人", "个人",
        ],
        // Which one (a question about a detail).
        "which": [
            "which", "quel", "quelle", "quels", "welche", "welcher", "welches", "cual", "cuales", "quale", "quali",
            "welk", "welke", "qual", "quais", "ktory", "ktora", "ktore", "vilket", "vilken", "hangi", "koji",
            "koja", "koje", "どの", "どちら", "哪个", "哪一个",
        ],
        // Certificates and other documents asked for.
        "document": [
            "certificate", "breakdown", "itemised", "itemized", "detailed", "documents", "certificat", "attestation",
            "detaille", "bescheinigung", "nachweis", "aufschlusselung", "certificado", "desglose", "detallad*",
            "certificato", "dettagliat*", "verklaring", "specificatie", "gespecificeerd", "certidao", "declaracao",
            "detalhad*", "zaswiadczenie", "specyfikacj*", "certificat", "adeverinta", "detaliat*", "intyg",
            "specifikation", "belge", "sertifika", "dokum*", "potvrda", "uvjerenje", "specifikacij*", "証明書",
            "内訳", "明細書", "证明", "明细",
        ],
        // Understood / hand it over / discuss internally / keep informed.
        "handling": [
            "understood", "will pass", "passing it", "discuss internally", "keep you posted", "keep you informed",
            "you will hear", "compris", "je fais suivre", "en parler", "vous tiens au courant", "verstanden",
            "gebe weiter", "besprechen", "halte sie auf dem laufenden", "entendido", "paso a", "consultar",
            "le mantendre informad*", "capito", "giro a", "consultare", "vi terro aggiornat*", "begrepen",
            "geef door", "overleggen", "op de hoogte", "hoort u", "entendido", "passo para", "mantenho informad*",
            "zrozumialem", "zrozumialam", "przekazuje", "skonsultowac", "dam znac", "am inteles", "transmit",
            "consult", "va tin la curent", "uppfattat", "lamnar over", "stamma av", "tittar pa", "kollar upp",
            "anlasildi", "iletecegim", "gorusup", "bilgi verecegim", "razumijem", "proslijedujem", "dogovoriti",
            "javim", "will ask", "je vais demander", "frage nach", "preguntare", "chiedero", "ik vraag",
            "vou perguntar", "zapytam", "voi intreba", "jag fragar", "soracagim", "pitat cu", "問い合わせ", "问一下", "了解", "相談", "ご連絡します", "明白", "商量", "回复你", "再联系",
        ],
        // Headquarters and branches, call someone.
        "elsewhere": [
            "head office", "headquarters", "branch", "call", "phone", "siege", "maison mere", "appelez", "telephone",
            "zentrale", "hauptsitz", "filiale", "anrufen", "rufen sie", "sede central", "casa matriz", "sucursal",
            "llame", "llamar", "sede", "filiale", "chiamare", "chiamate", "hoofdkantoor", "filiaal", "bellen", "bel",
            "matriz", "filial", "ligue", "ligar", "centrala", "oddzial", "zadzwon*", "sediu", "sucursala", "sunati",
            "huvudkontor", "filial", "ring", "ringa", "merkez", "sube", "arayin", "arayabilirsiniz", "uprava",
            "sjediste", "podruznic*", "nazovite", "nazvati", "本社", "支店", "電話", "总部", "分公司", "打电话", "电话",
        ],
    ]
}
