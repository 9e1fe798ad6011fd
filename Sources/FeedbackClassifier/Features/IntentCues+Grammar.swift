/// Grammatical concepts: negation, future and past tense markers, and date words. Tense endings are `*suffix`
/// entries. Order inside each list: en fr de es it nl pt pl ro sv tr hr ja zh.
extension IntentCues {
    static let grammar: [String: [String]] = [
        // Negation words: they are not features themselves; they put `not_` before the concepts that follow.
        "negation": [
            "not", "no", "never", "don't", "didn't", "haven't", "hasn't", "won't", "cannot", "can't", "isn't", "wasn't",
            "ne", "pas", "jamais", "aucun", "aucune", "n'avons", "n'ai", "n'est", "nicht", "kein", "keine", "keinen",
            "nie", "niemals", "nunca", "jamas", "ningun", "ninguna", "non", "nessun", "nessuna", "niet", "geen",
            "nooit", "nao", "nem", "nenhum", "nenhuma", "nie", "zadnej", "zadnego", "nigdy", "nu", "niciodata",
            "nicio", "niciun", "inte", "ej", "aldrig", "ingen", "inget", "degil", "yok", "hic", "asla", "ne", "nismo",
            "nije", "nikad", "nikada", "nisam", "nema", "ない", "ません", "不", "没", "未",
        ],
        // Future: auxiliaries and tense endings.
        "future": [
            "will", "shall", "going to", "'ll", "we'll", "i'll", "allons", "vais", "va", "*erons", "*irons", "*erai",
            "*rons", "werden", "wird", "werde", "vamos a", "voy a", "*aremos", "*eremos", "*iremos",
            "*eremo", "*iremo", "*aremo", "zullen", "zal", "gaan", "vamos", "vou", "iremos", "bedziemy",
            "bedzie", "*imy", "vom", "voi", "o sa", "kommer att", "ska", "skall", "*ecegiz", "*acagiz", "*ecek",
            "*acak", "*ecegim", "*acagim", "cemo", "cu platiti", "bit ce", "*icemo", "予定", "いたします", "します",
            "会", "将", "打算", "准备", "预计",
        ],
        // Past: auxiliaries and tense endings.
        "past": [
            "have", "has", "had", "did", "was", "were", "*ed", "avons", "ai", "ont", "a ete", "ete", "haben", "habe",
            "hat", "wurde", "wurden", "war", "hemos", "fue", "fueron", "abbiamo", "ho", "e stato", "stato",
            "hebben", "heb", "werd", "foi", "foram", "fizemos", "*lismy", "*lam", "*lem",
            "zostal*", "am fost", "am platit", "am trimis", "a fost", "au fost", "har", "hade", "*ade", "blev", "*dik", "*tik",
            "*mistir", "smo", "bio", "bila", "ました", "済み", "済", "了", "已",
        ],
    ]

    /// Date words: weekday names and month names (not the ones that are also ordinary words), from
    /// ``DateVocabulary``.
    static let dateWords: [String] = {
        let months = DateVocabulary.months.keys.filter {
            !DateVocabulary.riskyMonthWords.contains($0) && $0.count > 3 && !$0.hasSuffix(".")
        }
        return (Array(DateVocabulary.weekdays.keys) + months).sorted()
    }()
}
