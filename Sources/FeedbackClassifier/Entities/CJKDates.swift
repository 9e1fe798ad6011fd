/// Japanese and Chinese date forms on NFKC-folded text: `2026年12月15日`, `12月15日`, `15日`/`15号`, `月末`/`月底`,
/// `来月末`/`下个月底`, `明日`/`明天`, `明後日`/`后天`, weekdays (`金曜日`, `周五`, `星期五`) with `来週`/`下周`/`下星期`.
struct CJKDates {
    let today: LocalDate

    private static let weekdayChars: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7,
                                                         "天": 7]
    private static let japaneseWeekdays: [Character: Int] = ["月": 1, "火": 2, "水": 3, "木": 4, "金": 5, "土": 6, "日": 7]

    func dates(in text: String, positionBase: Int) -> [DateExtractor.Mention] {
        guard text.unicodeScalars.contains(where: TextFolding.isCJK) else { return [] }
        let chars = Array(text)
        var out: [DateExtractor.Mention] = []
        func add(_ date: LocalDate?, _ at: Int) { if let date { out.append(.init(date: date, position: positionBase + at)) } }
        func has(_ word: String, at i: Int) -> Bool {
            let w = Array(word)
            return i + w.count <= chars.count && Array(chars[i..<(i + w.count)]) == w
        }
        var i = 0
        while i < chars.count {
            // Numbers followed by 年, 月, 日 or 号.
            if chars[i].isASCII, chars[i].isNumber {
                var j = i, value = 0
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { value = value * 10 + (chars[j].wholeNumberValue ?? 0); j += 1 }
                var year: Int?, month: Int?, day: Int?
                var k = j
                // 第38周 / 第38週: ISO week 38, its Friday (as "KW 38"); not a weekday (周一 is Monday).
                if i > 0, chars[i - 1] == "第", k < chars.count, chars[k] == "周" || chars[k] == "週", (1...53).contains(value) {
                    var friday = LocalDate.friday(ofISOWeek: value, year: today.year)
                    if let f = friday, f.daysSinceEpoch < today.daysSinceEpoch - 7 { friday = LocalDate.friday(ofISOWeek: value, year: today.year + 1) }
                    add(friday, i)
                    i = k + 1
                    continue
                }
                if k < chars.count, chars[k] == "年", value >= 2000 {
                    year = value; k += 1
                    var v = 0, d = k
                    while d < chars.count, chars[d].isASCII, chars[d].isNumber { v = v * 10 + (chars[d].wholeNumberValue ?? 0); d += 1 }
                    if d > k, d < chars.count, chars[d] == "月" { month = v; k = d + 1 }
                } else if k < chars.count, chars[k] == "月", (1...12).contains(value) {
                    month = value; k += 1
                } else if k < chars.count, chars[k] == "日" || chars[k] == "号" || chars[k] == "號", (1...31).contains(value) {
                    day = value; k += 1
                }
                if month != nil, day == nil {
                    var v = 0, d = k
                    while d < chars.count, chars[d].isASCII, chars[d].isNumber { v = v * 10 + (chars[d].wholeNumberValue ?? 0); d += 1 }
                    if d > k, d < chars.count, chars[d] == "日" || chars[d] == "号" || chars[d] == "號" { day = v; k = d + 1 }
                    else if k < chars.count, chars[k] == "末" || chars[k] == "底" {
                        // 12月末 / 12月底: the end of that month.
                        if let m = month, let first = year.flatMap({ LocalDate(year: $0, month: m, day: 1) })
                            ?? DateExtractor(today: today).inferYear(month: m, day: 1) {
                            add(first.endOfMonth, i)
                        }
                        i = k + 1
                        continue
                    }
                }
                if let d = day {
                    if let m = month {
                        add(year.flatMap { LocalDate(year: $0, month: m, day: d) } ?? DateExtractor(today: today).inferYear(month: m, day: d), i)
                    } else if d >= today.day {
                        add(LocalDate(year: today.year, month: today.month, day: d), i)
                    } else {
                        let next = today.adding(months: 1)
                        add(LocalDate(year: next.year, month: next.month, day: d), i)
                    }
                }
                i = max(k, j)
                continue
            }
            if has("来月末", at: i) || has("下个月底", at: i) || has("下月底", at: i) || has("下月末", at: i) || has("下個月底", at: i) {
                add(today.adding(months: 1).endOfMonth, i); i += 3; continue
            }
            if has("月末", at: i) || has("月底", at: i) { add(today.endOfMonth, i); i += 2; continue }
            if has("月中", at: i) {
                let mid = LocalDate(year: today.year, month: today.month, day: 15)!
                add(mid < today ? mid.adding(months: 1) : mid, i); i += 2; continue
            }
            for word in ["今週中", "今週末まで", "本周内", "这周内", "這週內", "本週內", "这周之内", "本周之内"] where has(word, at: i) {
                let friday = today.adding(days: 5 - today.weekday)
                add(today.weekday > 5 ? friday.adding(days: 7) : friday, i)
                i += word.count
                break
            }
            if has("明後日", at: i) || has("后天", at: i) || has("後天", at: i) { add(today.adding(days: 2), i); i += 2; continue }
            if has("明日", at: i) || has("明天", at: i) { add(today.adding(days: 1), i); i += 2; continue }
            if has("今日", at: i) || has("今天", at: i) { add(today, i); i += 2; continue }
            // Weekdays, optionally after next-week words.
            var isNext = false
            var k = i
            for prefix in ["来週の", "来週", "下周", "下星期", "下個星期", "下个星期", "下禮拜", "下礼拜"] where has(prefix, at: i) {
                isNext = true; k = i + prefix.count; break
            }
            if !isNext {
                for prefix in ["今週の", "今週", "本周", "这周", "這週", "这个星期", "本星期"] where has(prefix, at: i) { k = i + prefix.count; break }
            }
            var weekday: Int?
            var end = k
            let prefix = String(chars[i..<k])
            if k > i, prefix.hasSuffix("周") || prefix.hasSuffix("週") || prefix.hasSuffix("星期") || prefix.hasSuffix("礼拜")
                || prefix.hasSuffix("禮拜"), k < chars.count, let wd = Self.weekdayChars[chars[k]] {
                weekday = wd; end = k + 1
            } else if has("星期", at: k) || has("礼拜", at: k) || has("禮拜", at: k), k + 2 < chars.count {
                weekday = Self.weekdayChars[chars[k + 2]]; end = k + 3
            } else if has("周", at: k) || has("週", at: k), k + 1 < chars.count, chars[k + 1] != "末" {
                weekday = Self.weekdayChars[chars[k + 1]]; end = k + 2
            } else if k + 1 < chars.count, chars[k + 1] == "曜", let wd = Self.japaneseWeekdays[chars[k]] {
                weekday = wd; end = k + 2
                if end < chars.count, chars[end] == "日" { end += 1 }
            }
            if let wd = weekday {
                if isNext {
                    add(today.adding(days: 8 - today.weekday).adding(days: wd - 1), i)
                } else {
                    let ahead = (wd - today.weekday + 7) % 7
                    add(today.adding(days: ahead == 0 ? 7 : ahead), i)
                }
                i = end
                continue
            }
            i += 1
        }
        return out
    }
}
