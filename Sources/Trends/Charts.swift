import Foundation
import Templating

/// The report's charts, drawn by Attune as inline SVG: no script, no
/// network, nothing to load. Each is an image with a `<title>` and a
/// `<desc>` that screen readers announce (`role="img"`, `aria-labelledby`),
/// and the page puts a table with the same numbers right after it. Colours
/// come from classes the stylesheet defines, and every series is told apart
/// by more than colour: a legend, counts written on the marks, and, for
/// lines, the shape of the points.
///
/// Every number is written with one decimal at most, so the output is the
/// same on every machine.
enum Charts {
    static let width = 720.0

    struct Series {
        var name: String
        /// The stylesheet class that colours it, e.g. `s-withdrawal`.
        var cssClass: String
    }

    // MARK: Chart kinds

    /// Columns stacked by series, one per label: ruptures per week by type.
    /// `gaps` marks columns drawn as a pale band (weeks with no journal).
    static func stackedColumns(
        id: String, title: String, description: String, labels: [String], series: [Series], values: [[Int]],
        gaps: [Bool], gapName: String
    ) -> String {
        let left = 44.0, right = 12.0, top = 40.0, bottom = 44.0, plotHeight = 180.0
        let plotWidth = width - left - right
        let height = top + plotHeight + bottom
        let count = max(labels.count, 1)
        let step = plotWidth / Double(count)
        let totals = (0..<labels.count).map { column in values.reduce(0) { $0 + $1[column] } }
        let scale = Scale(maximum: totals.max() ?? 0)
        func y(_ value: Double) -> Double { top + plotHeight - value / scale.top * plotHeight }

        var body = legend(series.map { ($0.name, $0.cssClass) } + (gaps.contains(true) ? [(gapName, "gap")] : []), x: left, y: 16)
        body += axis(scale: scale, left: left, right: width - right, y: y)
        for column in labels.indices {
            let x = left + Double(column) * step
            if gaps[column] {
                body.append(#"<rect class="gap" x="\#(n(x))" y="\#(n(top))" width="\#(n(step))" height="\#(n(plotHeight))"/>"#)
            }
            var base = 0
            for (index, row) in values.enumerated() where row[column] > 0 {
                let barTop = y(Double(base + row[column]))
                let barHeight = y(Double(base)) - barTop
                body.append(
                    #"<rect class="\#(series[index].cssClass)" x="\#(n(x + step * 0.15))" y="\#(n(barTop))" width="\#(n(step * 0.7))" height="\#(n(barHeight))"/>"#
                )
                base += row[column]
            }
        }
        body += columnLabels(labels, left: left, step: step, y: top + plotHeight + 16)
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    /// A grid of counts: rows (markers, triggers) against periods. Each cell
    /// is shaded by its count and shows the number when it is not zero.
    static func heatmap(
        id: String, title: String, description: String, rows: [(label: String, counts: [Int])], columns: [String]
    ) -> String {
        let labelWidth = 300.0, top = 12.0, rowHeight = 24.0, bottom = 76.0
        let cell = min(48.0, (width - labelWidth - 12) / Double(max(columns.count, 1)))
        let height = top + Double(rows.count) * rowHeight + bottom
        let maximum = rows.flatMap(\.counts).max() ?? 0
        var body: [String] = []
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            body.append(#"<text class="label" x="\#(n(labelWidth - 8))" y="\#(n(y + rowHeight / 2 + 4))" text-anchor="end">\#(HTMLText.escape(shortened(row.label, to: 40)))</text>"#)
            for (column, count) in row.counts.enumerated() {
                let x = labelWidth + Double(column) * cell
                let level = count == 0 ? 0 : min(4, 1 + (count - 1) * 4 / max(maximum, 1))
                body.append(#"<rect class="h\#(level)" x="\#(n(x + 1))" y="\#(n(y + 1))" width="\#(n(cell - 2))" height="\#(n(rowHeight - 2))"/>"#)
                if count > 0 {
                    body.append(#"<text class="count\#(level >= 3 ? " on-dark" : "")" x="\#(n(x + cell / 2))" y="\#(n(y + rowHeight / 2 + 4))" text-anchor="middle">\#(count)</text>"#)
                }
            }
        }
        let baseline = top + Double(rows.count) * rowHeight
        let every = max(1, Int((16.0 / cell).rounded(.up)))
        for (column, label) in columns.enumerated() where column % every == 0 {
            let x = labelWidth + (Double(column) + 0.5) * cell
            let y = baseline + 10
            body.append(#"<text class="tick" x="\#(n(x))" y="\#(n(y))" text-anchor="end" transform="rotate(-45 \#(n(x)) \#(n(y)))">\#(HTMLText.escape(label))</text>"#)
        }
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    /// Lines on a 1–5 scale over the labels, broken where a value is
    /// missing: mean tension and resolution per week.
    static func lines(
        id: String, title: String, description: String, labels: [String], series: [Series], values: [[Double?]]
    ) -> String {
        let left = 44.0, right = 12.0, top = 40.0, bottom = 44.0, plotHeight = 180.0
        let plotWidth = width - left - right
        let height = top + plotHeight + bottom
        let step = plotWidth / Double(max(labels.count, 1))
        func y(_ value: Double) -> Double { top + plotHeight - (value - 1) / 4 * plotHeight }
        var body = legend(series.map { ($0.name, $0.cssClass) }, x: left, y: 16)
        for tick in 1...5 {
            let at = y(Double(tick))
            body.append(#"<line class="grid" x1="\#(n(left))" y1="\#(n(at))" x2="\#(n(width - right))" y2="\#(n(at))"/>"#)
            body.append(#"<text class="tick" x="\#(n(left - 6))" y="\#(n(at + 4))" text-anchor="end">\#(tick)</text>"#)
        }
        for (index, row) in values.enumerated() {
            let cssClass = series[index].cssClass
            var run: [String] = []
            func flush() {
                if run.count > 1 { body.append(#"<polyline class="line \#(cssClass)" points="\#(run.joined(separator: " "))"/>"#) }
                run = []
            }
            for (column, value) in row.enumerated() {
                guard let value else { flush(); continue }
                let x = left + (Double(column) + 0.5) * step
                run.append("\(n(x)),\(n(y(value)))")
            }
            flush()
            for (column, value) in row.enumerated() {
                guard let value else { continue }
                let x = left + (Double(column) + 0.5) * step
                // Circles for the first series, squares for the second: apart without colour.
                if index == 0 {
                    body.append(#"<circle class="\#(cssClass)" cx="\#(n(x))" cy="\#(n(y(value)))" r="3.5"/>"#)
                } else {
                    body.append(#"<rect class="\#(cssClass)" x="\#(n(x - 3.5))" y="\#(n(y(value) - 3.5))" width="7" height="7"/>"#)
                }
            }
        }
        body += columnLabels(labels, left: left, step: step, y: top + plotHeight + 16)
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    /// Horizontal bars, stacked by series, with each row's total at its end.
    static func bars(
        id: String, title: String, description: String, rows: [(label: String, values: [Int])], series: [Series]
    ) -> String {
        let labelWidth = 300.0, top = series.count > 1 ? 36.0 : 8.0, rowHeight = 26.0, bottom = 8.0, right = 48.0
        let height = top + Double(rows.count) * rowHeight + bottom
        let maximum = Double(max(rows.map { $0.values.reduce(0, +) }.max() ?? 0, 1))
        let plotWidth = width - labelWidth - right
        var body = series.count > 1 ? legend(series.map { ($0.name, $0.cssClass) }, x: labelWidth, y: 14) : []
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            body.append(#"<text class="label" x="\#(n(labelWidth - 8))" y="\#(n(y + rowHeight / 2 + 4))" text-anchor="end">\#(HTMLText.escape(shortened(row.label, to: 40)))</text>"#)
            var x = labelWidth
            for (part, value) in row.values.enumerated() where value > 0 {
                let length = Double(value) / maximum * plotWidth
                body.append(#"<rect class="\#(series[part].cssClass)" x="\#(n(x))" y="\#(n(y + 4))" width="\#(n(length))" height="\#(n(rowHeight - 8))"/>"#)
                if series.count > 1, length >= 18 {
                    body.append(#"<text class="count on-dark" x="\#(n(x + length / 2))" y="\#(n(y + rowHeight / 2 + 4))" text-anchor="middle">\#(value)</text>"#)
                }
                x += length
            }
            body.append(#"<text class="total" x="\#(n(x + 6))" y="\#(n(y + rowHeight / 2 + 4))">\#(row.values.reduce(0, +))</text>"#)
        }
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    // MARK: Pieces

    /// Round numbers for a count axis: a top at or above `maximum`, and a
    /// step that gives at most about five gridlines.
    struct Scale {
        var top: Double
        var step: Int

        init(maximum: Int) {
            let maximum = max(maximum, 1)
            step = maximum <= 5 ? 1 : [2, 5, 10, 20, 50, 100].first { maximum / $0 <= 5 } ?? 200
            top = Double((maximum + step - 1) / step * step)
        }
    }

    /// The labels under columns `step` wide from `left`, each centred on its
    /// column: the weeks under the stacked columns and the lines. Only as
    /// many as are far enough apart to read, about one per 64 points.
    static func columnLabels(_ labels: [String], left: Double, step: Double, y: Double) -> [String] {
        let every = max(1, Int((64.0 / step).rounded(.up)))
        return labels.indices.filter { $0 % every == 0 }.map { column in
            let x = left + (Double(column) + 0.5) * step
            return #"<text class="tick" x="\#(n(x))" y="\#(n(y))" text-anchor="middle">\#(HTMLText.escape(labels[column]))</text>"#
        }
    }

    private static func axis(scale: Scale, left: Double, right: Double, y: (Double) -> Double) -> [String] {
        stride(from: 0, through: Int(scale.top), by: scale.step).flatMap { tick -> [String] in
            let at = y(Double(tick))
            return [
                #"<line class="grid" x1="\#(n(left))" y1="\#(n(at))" x2="\#(n(right))" y2="\#(n(at))"/>"#,
                #"<text class="tick" x="\#(n(left - 6))" y="\#(n(at + 4))" text-anchor="end">\#(tick)</text>"#,
            ]
        }
    }

    private static func legend(_ items: [(name: String, cssClass: String)], x: Double, y: Double) -> [String] {
        var x = x
        var body: [String] = []
        for item in items {
            body.append(#"<rect class="\#(item.cssClass)" x="\#(n(x))" y="\#(n(y - 10))" width="12" height="12"/>"#)
            body.append(#"<text class="legend" x="\#(n(x + 17))" y="\#(n(y))">\#(HTMLText.escape(item.name))</text>"#)
            x += 17 + Double(item.name.count) * 7 + 18
        }
        return body
    }

    private static func svg(id: String, title: String, description: String, height: Double, body: [String]) -> String {
        """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
        <title id="\(id)-title">\(HTMLText.escape(title))</title>
        <desc id="\(id)-desc">\(HTMLText.escape(description))</desc>
        \(body.joined(separator: "\n"))
        </svg>
        """
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A coordinate with at most one decimal, the same on every machine.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return "\(Int(tenths) / 10)" }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

}
