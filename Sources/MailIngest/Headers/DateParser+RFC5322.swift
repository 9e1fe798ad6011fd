extension DateParser {
    /// One piece of a date-time: the order of pieces varies in the wild, their shapes do not.
    enum Piece {
        case number(Int, digits: Int)
        case word(String)
        case time(hour: Int, minute: Int, second: Int, fraction: Double)
        case offset(Int)
    }

    /// RFC 5322 `[day-of-week ","] day month year time zone`, read as pieces and assigned by shape: the time has
    /// colons, the month is a name, a number of 3+ digits is the year, else the day is the number before the month.
    static func rfc5322(_ input: [UInt8]) -> Fields? {
        let pieces = split(input)
        var time: (Int, Int, Int, Double)?
        var monthIndex: Int?
        var month: Int?
        var offset: Int?
        var zoneWord: Int?
        var meridiem: Int?
        var numbers: [(position: Int, value: Int, digits: Int)] = []
        for (position, piece) in pieces.enumerated() {
            switch piece {
            case .time(let hour, let minute, let second, let fraction):
                if time == nil { time = (hour, minute, second, fraction) }
            case .offset(let seconds):
                if offset == nil { offset = seconds }
            case .number(let value, let digits):
                numbers.append((position, value, digits))
            case .word(let word):
                if month == nil, let found = DateZones.month(word) {
                    month = found
                    monthIndex = position
                } else if word == "am" || word == "pm" {
                    meridiem = word == "pm" ? 12 : 0
                } else if zoneWord == nil, let zone = DateZones.offset(of: word) {
                    zoneWord = zone
                }
            }
        }
        guard let month, let monthIndex, !numbers.isEmpty else { return nil }

        var year: Int?
        var day: Int?
        if let long = numbers.first(where: { $0.digits >= 3 }) {
            year = expandYear(long.value, digits: long.digits)
            day = numbers.first { $0.position != long.position && $0.digits <= 2 }?.value
        } else {
            let before = numbers.last { $0.position < monthIndex }
            let after = numbers.filter { $0.position > monthIndex }
            if let before {
                day = before.value
                year = after.first.map { expandYear($0.value, digits: $0.digits) }
            } else if after.count >= 2 {
                day = after[0].value
                year = expandYear(after[1].value, digits: after[1].digits)
            }
        }
        guard let year, let day else { return nil }
        var fields = Fields(year: year, month: month, day: day)
        if let (hour, minute, second, fraction) = time {
            fields.hour = hour
            fields.minute = minute
            fields.second = second
            fields.fraction = fraction
            if let meridiem, (1...12).contains(hour) { fields.hour = hour % 12 + meridiem }
        }
        fields.offset = offset ?? zoneWord ?? 0
        return fields
    }

    /// RFC 5322 §4.3: a two-digit year is 2000+ below 50, 1900+ otherwise; a three-digit year adds 1900.
    static func expandYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case ...2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }

    /// Cuts the input into pieces; separators are white space, `,`, `/`, `.` and a `-` that does not start a zone.
    static func split(_ input: [UInt8]) -> [Piece] {
        var scanner = DateScanner(input)
        var pieces: [Piece] = []
        var seenTime = false
        while !scanner.atEnd {
            let byte = scanner.peek
            if isDigit(byte) {
                let start = scanner.index
                let value = scanner.digits(1...9) ?? 0
                let digits = scanner.index - start
                if digits <= 2, scanner.peek == UInt8(ascii: ":"), let time = scanner.timeRest(hour: value) {
                    pieces.append(time)
                    seenTime = true
                } else {
                    pieces.append(.number(value, digits: digits))
                }
            } else if isLetter(byte) {
                let word = scanner.word() ?? ""
                // `GMT+0200`, `UTC-05:00`: the offset rules.
                if word == "gmt" || word == "utc" || word == "ut", let offset = scanner.offset() {
                    pieces.append(.offset(offset))
                } else {
                    pieces.append(.word(word))
                }
            } else if byte == UInt8(ascii: "+") || (byte == UInt8(ascii: "-") && seenTime), let offset = scanner.offset() {
                pieces.append(.offset(offset))
            } else {
                scanner.index += 1
            }
        }
        return pieces
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

/// A cursor over ASCII bytes with the small readers the date grammar needs.
struct DateScanner {
    let input: [UInt8]
    var index = 0

    init(_ input: [UInt8]) { self.input = input }

    var atEnd: Bool { index >= input.count }
    var peek: UInt8 { index < input.count ? input[index] : 0 }

    mutating func skipSpaces() {
        while index < input.count, input[index] == 0x20 || input[index] == 0x09 || input[index] == 0x0D
            || input[index] == 0x0A { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte, !atEnd else { return false }
        index += 1
        return true
    }

    /// A run of digits whose length is in `lengths` (the run is consumed only then).
    mutating func digits(_ lengths: ClosedRange<Int>) -> Int? {
        var end = index
        var value = 0
        while end < input.count, DateParser.isDigit(input[end]), end - index < lengths.upperBound {
            value = value * 10 + Int(input[end] - 0x30)
            end += 1
        }
        guard lengths.contains(end - index) else { return nil }
        index = end
        return value
    }

    mutating func digits(exactly count: Int) -> Int? {
        let start = index
        guard let value = digits(count...count) else { return nil }
        if DateParser.isDigit(peek) {
            index = start
            return nil
        }
        return value
    }

    /// `.123` after seconds, as a fraction of a second.
    mutating func fraction() -> Double {
        guard peek == UInt8(ascii: "."), index + 1 < input.count, DateParser.isDigit(input[index + 1]) else { return 0 }
        index += 1
        var value = 0.0
        var scale = 0.1
        while DateParser.isDigit(peek) {
            value += Double(peek - 0x30) * scale
            scale /= 10
            index += 1
        }
        return value
    }

    /// A lower-cased run of letters.
    mutating func word() -> String? {
        let start = index
        while index < input.count, DateParser.isLetter(input[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: input[start..<index].map { $0 | 0x20 }, as: UTF8.self)
    }

    /// After the hour, at a colon: `:mm[:ss[.fff]]`.
    mutating func timeRest(hour: Int) -> DateParser.Piece? {
        let start = index
        guard take(UInt8(ascii: ":")), let minute = digits(exactly: 2) else {
            index = start
            return nil
        }
        var second = 0
        var fraction = 0.0
        if peek == UInt8(ascii: ":") {
            index += 1
            guard let value = digits(exactly: 2) else { return nil }
            second = value
            fraction = self.fraction()
        }
        return .time(hour: hour, minute: minute, second: second, fraction: fraction)
    }

    /// `±hhmm`, `±hh:mm`, `±hh`, `±h`; consumed only when well formed.
    mutating func offset() -> Int? {
        let start = index
        guard peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") else { return nil }
        let sign = peek == UInt8(ascii: "-") ? -1 : 1
        index += 1
        let digitsStart = index
        guard let value = digits(1...4) else {
            index = start
            return nil
        }
        var hours: Int, minutes: Int
        switch index - digitsStart {
        case 4: (hours, minutes) = (value / 100, value % 100)
        case 3: (hours, minutes) = (value / 100, value % 100)
        default:
            hours = value
            minutes = 0
            if peek == UInt8(ascii: ":") {
                let colon = index
                index += 1
                if let value = digits(exactly: 2) { minutes = value } else { index = colon }
            }
        }
        guard hours <= 18, minutes < 60 else {
            index = start
            return nil
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
