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
        let concept: String
        /// True when the pattern itself holds a negation word (so no `not_` is put before it).
        let negated: Bool
    }

    /// The compiled lexicon: patterns indexed by their first word or stem, suffixes and CJK substrings.
    struct Index: Sendable {
        var patterns: [Pattern] = []
        /// Patterns by the hash of their first word (``key(_:)``).
        var byWord: [UInt64: [Int]] = [:]
        /// Stems that start patterns, by their first three letters.
        var byStemHead: [UInt64: [(stem: String, pattern: Int)]] = [:]
        /// Suffixes by their last two letters.
        var bySuffixTail: [UInt64: [(suffix: String, length: Int, concepts: [String])]] = [:]
        var negations: Set<String> = []
        var negationKeys: Set<UInt64> = []
        /// CJK entries by their first character.
        var cjk: [Unicode.Scalar: [(entry: [Unicode.Scalar], id: Int, concept: String)]] = [:]
        var cjkCount = 0
        /// The same maps frozen for lookups: key -> position in the lists below.
        var wordTable = KeyTable([])
        var wordLists: [[Int]] = []
        var stemTable = KeyTable([])
        var stemLists: [[(stem: String, pattern: Int)]] = []
        var suffixTable = KeyTable([])
        var suffixLists: [[(suffix: String, length: Int, concepts: [String])]] = []
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
        for (concept, entries) in concepts.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                if entry.unicodeScalars.contains(where: TextFolding.isCJK), let first = entry.unicodeScalars.first {
                    index.cjk[first, default: []].append((Array(entry.unicodeScalars), index.cjkCount, concept))
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
                        index.bySuffixTail[tail]![k].concepts.append(concept)
                    } else {
                        index.bySuffixTail[tail, default: []].append((suffix, suffix.count, [concept]))
                    }
                    continue
                }
                let parts: [Part] = entry.split(separator: " ").map { piece in
                    if piece == "~" { return .gap }
                    if piece.hasSuffix("*"), piece.count > 3 { return .stem(String(piece.dropLast())) }
                    return .word(String(piece))
                }
                index.patterns.append(Pattern(parts: parts, concept: concept, negated: false))
            }
        }
        // Negation words are known only now: mark the patterns that contain one.
        index.patterns = index.patterns.map { p in
            let negated = p.parts.contains { if case .word(let w) = $0 { index.negations.contains(w) } else { false } }
            return Pattern(parts: p.parts, concept: p.concept, negated: negated)
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
        let index = Self.index
        var found: [String] = []
        var lastNegation = -10
        var coveredUntil = 0  // words before this are inside a longer phrase already matched
        var concepts: [(String, Bool)] = []  // one word's matches, reused
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
            func consider<C: Sequence>(_ candidates: C) where C.Element == Int {
                for c in candidates {
                    let p = index.patterns[c]
                    if p.parts.count == 1, i < coveredUntil { continue }
                    guard let end = match(p.parts, from: 1, at: i + 1, in: words) else { continue }
                    // A phrase covers its words (so "paid" in "will be paid" is not also a payment made), unless it
                    // holds its own negation ("not received": "received" then counts as negated).
                    if p.parts.count > 1, !p.negated { coveredUntil = max(coveredUntil, end) }
                    concepts.append((p.concept, p.negated))
                }
            }
            if let w = index.wordTable[key(utf8)] { consider(index.wordLists[w]) }
            if utf8.count >= 3 {
                if let st = index.stemTable[key(utf8.prefix(3))] {
                    let stems = index.stemLists[st]
                    // Byte comparison: words and stems are folded the same way (TextFolding), so bytes decide.
                    consider(stems.lazy.filter { utf8.starts(with: $0.stem.utf8) }.map(\.pattern))
                }
                if let sf = index.suffixTable[key(utf8.suffix(2))] {
                    let suffixes = index.suffixLists[sf]
                    let length = word.count  // characters, only when a suffix may match
                    for s in suffixes where length >= s.length + 2 && word.hasSuffix(s.suffix) {
                        concepts.append(contentsOf: s.concepts.map { ($0, false) })
                    }
                }
            }
            for (k, (concept, selfNegated)) in concepts.enumerated()
            where !concepts[..<k].contains(where: { $0.0 == concept }) {
                found.append(negatedHere && !selfNegated ? "not_" + concept : concept)
            }
        }
        if folded.contains("?") || folded.contains("？") { found.append("question") }
        if folded.contains("@") { found.append("address") }
        if folded.unicodeScalars.contains(where: TextFolding.isCJK) {
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
        return found
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
