/// Words, stems and phrases that carry an intent, grouped into concepts shared by the 14 languages, so that what the
/// model learns from a French "payé" also holds for a Polish "zapłacone". The tables live in the `IntentCues+*.swift`
/// files, one per family of concepts; a new language adds its words to each concept.
///
/// Entry syntax (folded and accent-free, see ``TextFolding``):
/// - `word` an exact word; `a b c` consecutive words;
/// - `stem*` any word starting with `stem` (at least 3 letters), also inside a phrase (`zaplac* faktur*`);
/// - `*suffix` any word of at least two more letters ending with `suffix` (single words only: tense endings);
/// - `a ~ b` a phrase with a gap of at most four words between `a` and `b` ("will ~ pay": "will gladly pay",
///   "werden ~ bezahlen": "werden die Rechnung am Freitag bezahlen");
/// - an entry with a CJK character matches as a substring of the folded text.
enum IntentCues {
    /// Every concept with its entries: the union of the family tables.
    static let concepts: [String: [String]] = {
        var out: [String: [String]] = [:]
        for table in [payment, dispute, requests, contact, grammar, situations] {
            for (concept, entries) in table { out[concept, default: []].append(contentsOf: entries) }
        }
        out["date_word"] = dateWords
        return out
    }()

    /// Concept names whose words only mark negation (they put `not_` before the concepts that follow).
    static let negationConcept = "negation"

    /// One element of a word pattern.
    enum Part: Hashable, Sendable {
        case word(String)
        case stem(String)
        case gap
    }

    /// A multi-part pattern and its concept.
    struct Pattern: Sendable {
        let parts: [Part]
        /// The concept's id and its negated variant's id in ``names``.
        let concept: Int32
        let notConcept: Int32
        /// True when the pattern itself holds a negation word (so no `not_` is put before it).
        let negated: Bool
    }

    /// Every feature name the concepts give, sorted: each concept, its `not_` variant, `question` and `address`.
    /// A concept's id is its position here, so ids sort as their names do.
    static let names: [String] = {
        var all = Set<String>(["question", "address"])
        for concept in concepts.keys {  // "negation" too: its CJK entries are found as concepts
            all.insert(concept)
            all.insert("not_" + concept)
        }
        return all.sorted()
    }()

    /// The id of each name in ``names``.
    static let ids: [String: Int32] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    /// The id of each name's `not_` variant (itself for `question`, `address` and the `not_` names).
    static let negatedIDs: [Int32] = names.map { ids["not_" + $0] ?? ids[$0]! }
    static let questionID = ids["question"]!
    static let addressID = ids["address"]!

    /// The compiled lexicon: patterns indexed by their first word or stem, suffixes and CJK substrings.
    struct Index: Sendable {
        var patterns: [Pattern] = []
        /// Patterns by the hash of their first word (``key(_:)``).
        var byWord: [UInt64: [Int]] = [:]
        /// Stems that start patterns, by their first three letters.
        var byStemHead: [UInt64: [(stem: String, pattern: Int)]] = [:]
        /// Suffixes by their last two letters.
        var bySuffixTail: [UInt64: [(suffix: String, length: Int, concepts: [Int32])]] = [:]
        var negations: Set<String> = []
        var negationKeys: Set<UInt64> = []
        /// CJK entries by their first character.
        var cjk: [Unicode.Scalar: [(entry: [Unicode.Scalar], id: Int, concept: Int32)]] = [:]
        var cjkCount = 0
        /// The same maps frozen for lookups: key -> position in the lists below.
        var wordTable = KeyTable([])
        var wordLists: [[Int]] = []
        var stemTable = KeyTable([])
        var stemLists: [[(stem: String, pattern: Int)]] = []
        var suffixTable = KeyTable([])
        var suffixLists: [[(suffix: String, length: Int, concepts: [Int32])]] = []
        var negationTable = KeyTable([])

        /// Freezes the dictionaries into ``KeyTable``s (in key order, so the tables are the same on every run).
        mutating func freeze() {
            let words = byWord.sorted { $0.key < $1.key }
            wordLists = words.map(\.value)
            wordTable = KeyTable(words.enumerated().map { ($1.key, Int32($0)) })
            let stems = byStemHead.sorted { $0.key < $1.key }
            stemLists = stems.map(\.value)
            stemTable = KeyTable(stems.enumerated().map { ($1.key, Int32($0)) })
            let suffixes = bySuffixTail.sorted { $0.key < $1.key }
            suffixLists = suffixes.map(\.value)
            suffixTable = KeyTable(suffixes.enumerated().map { ($1.key, Int32($0)) })
            negationTable = KeyTable(negationKeys.sorted().map { ($0, 0) })
        }
    }

    static let index: Index = {
        var index = Index()
        var pending: [(parts: [Part], concept: String)] = []
        for (concept, entries) in concepts.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                if entry.unicodeScalars.contains(where: TextFolding.isCJK), let first = entry.unicodeScalars.first {
                    index.cjk[first, default: []].append((Array(entry.unicodeScalars), index.cjkCount, ids[concept]!))
                    index.cjkCount += 1
                    continue
                }
                if entry == "?" { continue }
                if concept == negationConcept {
                    index.negations.insert(entry)
                    continue
                }
                if entry.hasPrefix("*") {
                    let suffix = String(entry.dropFirst())
                    let tail = key(suffix.utf8.suffix(2))
                    if let k = index.bySuffixTail[tail]?.firstIndex(where: { $0.suffix == suffix }) {
                        index.bySuffixTail[tail]![k].concepts.append(ids[concept]!)
                    } else {
                        index.bySuffixTail[tail, default: []].append((suffix, suffix.count, [ids[concept]!]))
                    }
                    continue
                }
                let parts: [Part] = entry.split(separator: " ").map { piece in
                    if piece == "~" { return .gap }
                    if piece.hasSuffix("*"), piece.count > 3 { return .stem(String(piece.dropLast())) }
                    return .word(String(piece))
                }
                pending.append((parts, concept))
            }
        }
        // Negation words are known only now: mark the patterns that contain one.
        index.patterns = pending.map { p in
            let negated = p.parts.contains { if case .word(let w) = $0 { index.negations.contains(w) } else { false } }
            return Pattern(parts: p.parts, concept: ids[p.concept]!, notConcept: ids["not_" + p.concept]!, negated: negated)
        }
        for (i, p) in index.patterns.enumerated() {
            switch p.parts.first {
            case .word(let w): index.byWord[key(w.utf8), default: []].append(i)
            case .stem(let s): index.byStemHead[key(s.utf8.prefix(3)), default: []].append((s, i))
            default: break
            }
        }
        index.negationKeys = Set(index.negations.map { key($0.utf8) })
        index.freeze()
        return index
    }()

    /// FNV-1a of UTF-8 bytes: a fast dictionary key for words, word heads (3 bytes) and tails (2 bytes).
    static func key<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// How many entries the lexicon holds (for reports and tests).
    static var entryCount: Int { concepts.values.reduce(0) { $0 + $1.count } }

    /// The concepts found in `words` (folded, accent-free) and `text` (folded, for CJK), with a `not_` variant when a
    /// negation word stands within the three words before, or within `negationAfter` words after (verb-second
    /// languages: "wir zahlen nicht", "vi betalar inte"), and the matched phrase holds no negation itself.
    static func find(words: [String], folded: String, negationAfter: Int = 0) -> [String] {
        var found: [Int32] = []
        findIDs(words: words, folded: folded, negationAfter: negationAfter, into: &found)
        return found.map { names[Int($0)] }
    }

    /// ``find(words:folded:negationAfter:)`` as ids in ``names``, appended to `found` (no strings built: this runs
    /// for every prediction).
    static func findIDs(words: [String], folded: String, negationAfter: Int, into found: inout [Int32]) {
        let index = Self.index
        var lastNegation = -10
        var coveredUntil = 0  // words before this are inside a longer phrase already matched
        var concepts: [(Int32, Int32, Bool)] = []  // one word's matches (concept, negated concept, self-negated), reused
        for i in words.indices {
            let word = words[i]
            let utf8 = word.utf8
            if index.negationTable[key(utf8)] != nil { lastNegation = i }
            var negatedHere = i - lastNegation <= 3 && lastNegation < i
            if !negatedHere, negationAfter > 0 {
                for j in (i + 1)..<min(words.count, i + 1 + negationAfter) where index.negations.contains(words[j]) {
                    negatedHere = true
                    break
                }
            }
            concepts.removeAll(keepingCapacity: true)
            func consider(_ c: Int) {
                let p = index.patterns[c]
                if p.parts.count == 1, i < coveredUntil { return }
                guard let end = match(p.parts, from: 1, at: i + 1, in: words) else { return }
                // A phrase covers its words (so "paid" in "will be paid" is not also a payment made), unless it
                // holds its own negation ("not received": "received" then counts as negated).
                if p.parts.count > 1, !p.negated { coveredUntil = max(coveredUntil, end) }
                concepts.append((p.concept, p.notConcept, p.negated))
            }
            if let w = index.wordTable[key(utf8)] { for c in index.wordLists[w] { consider(c) } }
            if utf8.count >= 3 {
                if let st = index.stemTable[key(utf8.prefix(3))] {
                    // Byte comparison: words and stems are folded the same way (TextFolding), so bytes decide.
                    for s in index.stemLists[st] where utf8.starts(with: s.stem.utf8) { consider(s.pattern) }
                }
                if let sf = index.suffixTable[key(utf8.suffix(2))] {
                    let suffixes = index.suffixLists[sf]
                    let length = word.count  // characters, only when a suffix may match
                    for s in suffixes where length >= s.length + 2 && word.hasSuffix(s.suffix) {
                        for c in s.concepts { concepts.append((c, negatedIDs[Int(c)], false)) }
                    }
                }
            }
            for k in concepts.indices where !concepts[..<k].contains(where: { $0.0 == concepts[k].0 }) {
                let (concept, notConcept, selfNegated) = concepts[k]
                found.append(negatedHere && !selfNegated ? notConcept : concept)
            }
        }
        // Byte scans: "?" (and the full-width "？", EF BC 9F) and "@" are ASCII or fixed bytes in UTF-8.
        var question = false, address = false, cjk = false
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in folded.utf8 {
            if byte == 0x3F || byte == 0x9F && previous == (0xEF, 0xBC) { question = true }
            else if byte == 0x40 { address = true }
            else if byte >= 0xE1 && byte <= 0xF0 { cjk = true }  // lead bytes of U+1000 and above: check the scalars
            previous = (previous.1, byte)
        }
        if question { found.append(questionID) }
        if address { found.append(addressID) }
        if cjk, folded.unicodeScalars.contains(where: TextFolding.isCJK) {
            let scalars = Array(folded.unicodeScalars)
            var seen = Set<Int>()
            for start in scalars.indices {
                guard let entries = index.cjk[scalars[start]] else { continue }
                for e in entries where !seen.contains(e.id) && start + e.entry.count <= scalars.count
                    && scalars[start..<(start + e.entry.count)].elementsEqual(e.entry) {
                    seen.insert(e.id)
                    found.append(e.concept)
                }
            }
        }
    }

    /// The concepts of a raw reply text (folded and tokenised as ``FeatureExtractor`` does).
    static func find(in text: String, negationAfter: Int = 0) -> [String] {
        let folded = TextFolding.fold(text)
        var words: [String] = []
        for token in Tokenizer.tokens(folded) { if case .word(let w) = token { words.append(TextFolding.stripAccents(w)) } }
        return find(words: words, folded: folded, negationAfter: negationAfter)
    }

    /// The end (exclusive) of a match of `parts[from...]` starting at word `at`, or nil.
    private static func match(_ parts: [Part], from: Int, at: Int, in words: [String]) -> Int? {
        guard from < parts.count else { return at }
        switch parts[from] {
        case .gap:
            for skip in 0...4 where at + skip <= words.count {
                // A gap never skips a negation: "wird nicht bezahlt" is not "wird ~ bezahlt".
                if skip > 0, index.negationTable[key(words[at + skip - 1].utf8)] != nil { return nil }
                if let end = match(parts, from: from + 1, at: at + skip, in: words) { return end }
            }
            return nil
        case .word(let w):
            guard at < words.count, words[at] == w else { return nil }
            return match(parts, from: from + 1, at: at + 1, in: words)
        case .stem(let s):
            guard at < words.count, words[at].hasPrefix(s) else { return nil }
            return match(parts, from: from + 1, at: at + 1, in: words)
        }
    }
}
