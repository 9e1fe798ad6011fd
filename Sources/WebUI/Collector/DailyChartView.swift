import AgendaStore
import Foundation

/// Charts over a date range (a GET form, so the range is in the address): actions to do, done and cancelled per
/// planned day (stacked columns, drawn server-side as SVG), per channel, and the replies received by intent.
enum DailyChartView {
    static let columnWidth = 14, plotHeight = 160, left = 40

    static func page(session: Session, from: Day, through: Day, today: Day, days: [DayActionCount],
                     intents: [Intent?: Int]) -> HTML {
        var perDay: [Day: (toDo: Int, done: Int, cancelled: Int)] = [:]
        var perChannel: [Channel: (toDo: Int, done: Int, cancelled: Int)] = [:]
        for count in days {
            var day = perDay[count.day] ?? (0, 0, 0), channel = perChannel[count.channel] ?? (0, 0, 0)
            switch count.status {
            case .done: day.done += count.count; channel.done += count.count
            case .cancelled: day.cancelled += count.count; channel.cancelled += count.count
            default: day.toDo += count.count; channel.toDo += count.count
            }
            perDay[count.day] = day
            perChannel[count.channel] = channel
        }
        var channelBars: [BarChart.Bar] = []
        for channel in Channel.allCases {
            guard let entry = perChannel[channel] else { continue }
            channelBars += [.init(label: "\(channel.rawValue): to do", value: entry.toDo, colour: "#b91c1c"),
                            .init(label: "\(channel.rawValue): done", value: entry.done, colour: "#15803d"),
                            .init(label: "\(channel.rawValue): cancelled", value: entry.cancelled, colour: "#6b7280")]
        }
        let intentBars = (Intent.allCases.map { Optional($0) } + [nil]).compactMap { intent -> BarChart.Bar? in
            guard let n = intents[intent], n > 0 else { return nil }
            return .init(label: intent.map { Format.words($0.rawValue) } ?? "not classified", value: n, colour: "#1d4ed8")
        }
        return Layout.page(title: "Charts by date", session: session, body: """
            <p><a href="/charts">← Charts</a></p>
            <h1>Charts from \(from.iso) to \(through.iso)</h1>
            <form method="get" action="/charts/daily" class="filters">
            <label>From <input type="date" name="from" value="\(from.iso)"></label>
            <label>To <input type="date" name="to" value="\(through.iso)"></label>
            <button type="submit">Show</button></form>
            \(columns(from: from, through: through, today: today, perDay: perDay))
            \(BarChart.svg(title: "Actions by channel (planned in the range)", bars: channelBars))
            \(BarChart.svg(title: "Replies and comments received, by intent", bars: intentBars))
            """)
    }

    /// Stacked columns per day: to do (red; upcoming days lighter), done (green), cancelled (grey).
    static func columns(from: Day, through: Day, today: Day,
                        perDay: [Day: (toDo: Int, done: Int, cancelled: Int)]) -> HTML {
        let count = through.days(since: from) + 1
        let top = max(1, perDay.values.map { $0.toDo + $0.done + $0.cancelled }.max() ?? 1)
        let width = left + count * columnWidth + 20, height = plotHeight + 60
        var marks: [HTML] = []
        for index in 0..<count {
            let day = from.adding(days: index)
            let x = left + index * columnWidth
            var y = 30 + plotHeight
            let entry = perDay[day] ?? (0, 0, 0)
            let toDoColour = day < today ? "#b91c1c" : "#fca5a5"
            for (value, colour) in [(entry.done, "#15803d"), (entry.toDo, toDoColour), (entry.cancelled, "#6b7280")]
            where value > 0 {
                let h = max(1, value * plotHeight / top)
                y -= h
                marks.append("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(columnWidth - 2)\" height=\"\(h)\" fill=\"\(colour)\"><title>\(day.iso): \(value)</title></rect>")
            }
            if index % 7 == 0 || index == count - 1 {
                marks.append("<text x=\"\(x)\" y=\"\(plotHeight + 46)\" font-size=\"11\">\(String(day.iso.dropFirst(5)))</text>")
            }
            if day == today {
                marks.append("<line x1=\"\(x - 1)\" y1=\"24\" x2=\"\(x - 1)\" y2=\"\(plotHeight + 32)\" stroke=\"#1d4ed8\"></line>")
            }
        }
        return """
            <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" \
            aria-label="Actions per planned day" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">\
            <text x="0" y="16" font-size="15" font-weight="bold">Actions per planned day</text>\
            <text x="0" y="\(30 + 10)" font-size="11">\(top)</text><text x="0" y="\(30 + plotHeight)" font-size="11">0</text>\
            \(marks)</svg>\
            <figcaption>Green done, red to do (light: upcoming), grey cancelled; the blue line is today.</figcaption></figure>
            """
    }
}
