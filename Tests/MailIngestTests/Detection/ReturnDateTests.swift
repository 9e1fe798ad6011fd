import Foundation
import Testing
@testable import MailIngest

/// Return dates in the customers' date formats, resolved against the message date.
@Suite struct ReturnDateTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var sent: String
        var expected: String?
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "I am away until Monday 7 December.", sent: "2026-12-01", expected: "2026-12-07"),
        Case(text: "Back on 12/07.", sent: "2026-11-29", expected: "2026-12-07"),
        Case(text: "Back on 12/07.", sent: "2026-06-20", expected: "2026-07-12"),
        Case(text: "I'm on leave until October 5th.", sent: "2026-07-31", expected: "2026-10-05"),
        Case(text: "Ich bin bis zum 7.12. nicht im Büro.", sent: "2026-12-01", expected: "2026-12-07"),
        Case(text: "Ab dem 07.01.2027 sind wir wieder für Sie da.", sent: "2026-12-21", expected: "2027-01-07"),
        Case(text: "Je suis absent jusqu'au 7 décembre.", sent: "2026-12-01", expected: "2026-12-07"),
        Case(text: "Je serai absente du 3 au 17 avril.", sent: "2026-04-06", expected: "2026-04-17"),
        Case(text: "Estaré fuera hasta el 24 de agosto.", sent: "2026-08-10", expected: "2026-08-24"),
        Case(text: "Sono in congedo fino a fine aprile.", sent: "2026-02-09", expected: "2026-04-30"),
        Case(text: "Jestem na urlopie do 13.07.2026.", sent: "2026-07-02", expected: "2026-07-13"),
        Case(text: "Na godišnjem sam odmoru do 7. rujna.", sent: "2026-08-28", expected: "2026-09-07"),
        Case(text: "4 Ocak 2027 tarihine kadar izindeyim.", sent: "2026-12-15", expected: "2027-01-04"),
        Case(text: "8月17日（月）より順次対応いたします。", sent: "2026-08-07", expected: "2026-08-17"),
        Case(text: "我国庆假期休假至10月8日。", sent: "2026-09-28", expected: "2026-10-08"),
        Case(text: "Out until Thursday.", sent: "2026-12-01", expected: "2026-12-03"),
        Case(text: "Our hours are Monday to Friday, 9 to 5.", sent: "2026-12-01", expected: nil),
        Case(text: "We will answer within 3-5 business days.", sent: "2026-05-01", expected: nil),
        Case(text: "No date here at all.", sent: "2026-05-01", expected: nil),
    ]

    @Test(arguments: cases)
    func returnDate(_ testCase: Case) {
        let found = ReturnDate.find(in: testCase.text, relativeTo: DetectionTestSupport.date(testCase.sent))
        #expect(found?.description == testCase.expected)
    }

    @Test func calendarDayRoundTripsAndKnowsWeekdays() {
        let day = CalendarDay(year: 2026, month: 11, day: 29)
        #expect(CalendarDay(ordinal: day.ordinal) == day)
        #expect(day.weekday == 7)
        #expect(CalendarDay(year: 2028, month: 2, day: 29).isValid)
        #expect(!CalendarDay(year: 2027, month: 2, day: 29).isValid)
    }
}
