/// Which words of a reply speak about which item: a sentence naming one item is that item's; a sentence naming
/// several is cut into clauses ("TC-5501 went out on Monday and TC-5544 will follow on the 27th": one clause each,
/// cut at the last comma or conjunction between two references; "INV-1, INV-2 and INV-3 on Friday": one list, one
/// clause); a sentence naming none continues the items of the last sentence that named some ("RE-0315 können wir
/// nicht akzeptieren. Die Lieferung kam zu spät.").
enum ItemClauses {
    /// Words that join two clauses or two references (folded, accent-free), in the 14 languages.
    static let conjunctions: Set<String> = ["and", "but", "while", "whereas", "et", "mais", "und", "aber", "sowie",
                                            "y", "e", "pero", "mientras", "ed", "ma", "mentre", "en", "maar", "terwijl",
                                            "mas", "enquanto", "i", "a", "ale", "oraz", "si", "dar", "iar", "och",
                                            "men", "medan", "ve", "ama", "fakat", "ile", "dok"]
    /// Characters that end a clause inside a sentence.
    static let separators: Set<Character> = [",", ";", ":", "–", "—", "、", "，", "；", "：", "(", ")"]

    /// Each item's text: its clauses and the sentences that continue them, in reply order.
    static func texts(sentences: [String], openItems: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        var lastNamed: [String] = []
        for sentence in sentences {
            let clauses = clauses(in: sentence, openItems: openItems)
            if clauses.isEmpty {
                for number in lastNamed { out[number, default: []].append(sentence) }
                continue
            }
            for clause in clauses {
                for number in clause.numbers { out[number, default: []].append(clause.text) }
            }
            lastNamed = clauses.last?.numbers ?? []
        }
        return out
    }

    /// Words for "the other(s)" or "the remaining" (folded, accent-free) in the 14 languages.
    static let otherWords: Set<String> = ["other", "others", "remaining", "autres", "restantes", "anderen", "ubrigen",
                                          "restlichen", "otras", "otros", "demas", "altre", "altri", "restanti",
                                          "andere", "overige", "outras", "outros", "demais", "pozostale", "pozostalych",
                                          "inne", "celelalte", "ovriga", "andra", "diger", "kalan", "ostale", "ostalih",
                                          "ostala"]
    static let otherCJK = ["他の", "その他の", "残りの", "其他", "其余", "其它", "剩下"]
    /// Starts of the words for invoices (folded, accent-free), and the CJK words.
    static let invoiceStems = ["invoice", "bill", "factur", "rechnung", "fattur", "fatur", "faktur", "racun", "nota",
                               "notas"]
    static let invoiceCJK = ["請求書", "請求", "发票", "账单"]

    /// The sentences naming no item that speak of "the other invoices" ("Diğer üç faturanın ödemesini ...",
    /// "the remaining invoices will follow"): the open items a reply does not name.
    static func sentencesAboutOthers(_ sentences: [String], openItems: [String]) -> [String] {
        sentences.filter { sentence in
            guard clauses(in: sentence, openItems: openItems).isEmpty else { return false }
            if otherCJK.contains(where: sentence.contains) { return invoiceCJK.contains(where: sentence.contains) }
            let words = TextFolding.stripAccents(TextFolding.fold(sentence)).split { !$0.isLetter }.map(String.init)
            return words.contains(where: otherWords.contains)
                && words.contains { w in invoiceStems.contains { w.hasPrefix($0) } }
        }
    }

    /// The clauses of `sentence` by the items they name, in order; empty when it names none.
    static func clauses(in sentence: String, openItems: [String]) -> [(numbers: [String], text: String)] {
        let refs = InvoiceReferences.find(in: sentence, openItems: openItems)
            .filter { $0.matched || openItems.isEmpty }.sorted { $0.position < $1.position }
        guard refs.count >= 2 else { return refs.map { ([$0.number], sentence) } }
        let chars = Array(sentence)
        let ends = refs.map { referenceEnd(chars, from: $0.position) }
        // Group references separated only by separators and conjunctions (a list), and find where each group's
        // clause ends: the last separator or conjunction before the next group.
        var groups: [(numbers: [String], start: Int, end: Int)] = [([refs[0].number], 0, 0)]
        for k in 1..<refs.count {
            let gapStart = min(ends[k - 1], refs[k].position), gapEnd = refs[k].position
            let gap = Array(chars[gapStart..<gapEnd])
            if isListGap(gap) {
                groups[groups.count - 1].numbers.append(refs[k].number)
                continue
            }
            let cut = lastCut(in: gap).map { gapStart + $0 } ?? gapEnd
            groups[groups.count - 1].end = cut
            groups.append(([refs[k].number], cut, 0))
        }
        groups[groups.count - 1].end = chars.count
        return groups.map { group in
            (group.numbers, String(chars[group.start..<group.end]).trimmingWhitespace())
        }
    }

    /// Offset after the reference token starting at `start` (letters, digits and inner `-/._`, an opening `#`).
    static func referenceEnd(_ chars: [Character], from start: Int) -> Int {
        var j = start
        if j < chars.count, chars[j] == "#" { j += 1 }
        while j < chars.count, !isCJK(chars[j]) {  // "No.S-2026-0625は": the reference ends at the Japanese
            if chars[j].isLetter || chars[j].isNumber { j += 1; continue }
            if "-/._".contains(chars[j]), j + 1 < chars.count, chars[j + 1].isLetter || chars[j + 1].isNumber { j += 1; continue }
            break
        }
        return j
    }

    static func isCJK(_ c: Character) -> Bool { c.unicodeScalars.first.map(TextFolding.isCJK) ?? false }

    /// True when `gap` holds only separators, conjunctions and reference keywords ("F-1, F-2 und Rechnung F-3").
    static func isListGap(_ gap: [Character]) -> Bool {
        let words = String(gap).split { !$0.isLetter }.map { TextFolding.stripAccents(TextFolding.fold(String($0))) }
        return words.allSatisfy { conjunctions.contains($0) || InvoiceReferences.keywords.contains($0) || $0 == "&" }
    }

    /// Offset in `gap` where the first clause ends: after its last separator, else before its last conjunction.
    static func lastCut(in gap: [Character]) -> Int? {
        var best: Int?
        var k = 0
        while k < gap.count {
            if separators.contains(gap[k]) { best = k + 1; k += 1; continue }
            if gap[k].isLetter, k == 0 || !gap[k - 1].isLetter {
                var e = k
                while e < gap.count, gap[e].isLetter { e += 1 }
                let word = TextFolding.stripAccents(TextFolding.fold(String(gap[k..<e])))
                if conjunctions.contains(word), k > 0 { best = k }
                k = e
                continue
            }
            k += 1
        }
        return best
    }
}
