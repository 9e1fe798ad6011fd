/// A horizontal bar chart drawn server-side as inline SVG (SVG 1.1): presentation attributes only, no script and no
/// style attribute, so the Content-Security-Policy stays strict. Labels are escaped text.
enum BarChart {
    struct Bar {
        var label: String
        var value: Int
        var colour: String // a fixed colour from the code, never from data
    }

    static let labelWidth = 190, barWidth = 360, rowHeight = 22

    static func svg(title: String, bars: [Bar]) -> HTML {
        let height = 30 + max(1, bars.count) * rowHeight
        let top = max(1, bars.map(\.value).max() ?? 1)
        let rows = bars.enumerated().map { index, bar -> HTML in
            let y = 26 + index * rowHeight
            let width = bar.value == 0 ? 0 : max(2, bar.value * barWidth / top)
            return """
                <text x="0" y="\(y + 13)" font-size="13">\(bar.label)</text>\
                <rect x="\(labelWidth)" y="\(y)" width="\(width)" height="16" fill="\(bar.colour)"></rect>\
                <text x="\(labelWidth + width + 6)" y="\(y + 13)" font-size="13">\(bar.value)</text>
                """
        }
        let empty: HTML = bars.isEmpty ? "<text x=\"0\" y=\"40\" font-size=\"13\" fill=\"#6b7280\">No data yet.</text>" : ""
        return """
            <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(title)" \
            width="\(labelWidth + barWidth + 60)" height="\(height)" viewBox="0 0 \(labelWidth + barWidth + 60) \(height)">\
            <text x="0" y="16" font-size="15" font-weight="bold">\(title)</text>\(rows)\(empty)</svg></figure>
            """
    }
}
