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
        var byWord: [String: [Int]] = [:]
        var byStem: [String: [Int]] = [:]
        var suffixes: [String: [String]] = [:]
        var suffixLengths: [Int] = []
        var negations: Set<String> = []
        var cjk: [(String, String)] = []
        var shortestStem = Int.max
        var longestStem = 0
    }

    static let index: Index = {
        var index = Index()
        for (concept, entries) in concepts.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                if entry.unicodeScalars.contains(where: TextFolding.isCJK) {
                    index.cjk.append((entry, concept))
                    continue
                }
                if entry == "?" { continue }
                if concept == negationConcept {
                    index.negations.insert(entry)
                    continue
                }
                if entry.hasPrefix("*") {
                    index.suffixes[String(entry.dropFirst()), default: []].append(concept)
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
            case .word(let w): index.byWord[w, default: []].append(i)
            case .stem(let s):
                index.byStem[s, default: []].append(i)
                index.shortestStem = min(index.shortestStem, s.count)
                index.longestStem = max(index.longestStem, s.count)
            default: break
            }
        }
        index.suffixLengths = Set(index.suffixes.keys.map(\.count)).sorted()
        index.cjk.sort { $0.0 < $1.0 }
        return index
    }()

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
        for i in words.indices {
            let word = words[i]
            if index.negations.contains(word) { lastNegation = i }
            var negatedHere = i - lastNegation <= 3 && lastNegation < i
            if !negatedHere, negationAfter > 0 {
                for j in (i + 1)..<min(words.count, i + 1 + negationAfter) where index.negations.contains(words[j]) {
                    negatedHere = true
                    break
                }
            }
            var concepts: [(String, Bool)] = []
            func consider(_ candidates: [Int]) {
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
            if let candidates = index.byWord[word] { consider(candidates) }
            if word.count >= index.shortestStem {
                let scalars = Array(word.unicodeScalars)
                for length in index.shortestStem...min(index.longestStem, scalars.count) {
                    let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
                    if let candidates = index.byStem[prefix] { consider(candidates) }
                }
                for length in index.suffixLengths where scalars.count >= length + 2 {
                    let suffix = String(String.UnicodeScalarView(scalars[(scalars.count - length)...]))
                    if let names = index.suffixes[suffix] { concepts.append(contentsOf: names.map { ($0, false) }) }
                }
            }
            var seen: Set<String> = []
            for (concept, selfNegated) in concepts where seen.insert(concept).inserted {
                found.append(negatedHere && !selfNegated ? "not_" + concept : concept)
            }
        }
        if folded.contains("?") || folded.contains("？") { found.append("question") }
        if folded.contains("@") { found.append("address") }
        if folded.unicodeScalars.contains(where: TextFolding.isCJK) {
            for (entry, concept) in index.cjk where folded.contains(entry) { found.append(concept) }
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
