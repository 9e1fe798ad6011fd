/// The operators' pages' rules, served after ``StyleSheet/css`` in `/static/app.css`: confusion matrix cells shaded
/// by share (diagonal green, errors red), code spans.
enum OperatorStyleSheet {
    static let css = """

        table.confusion td.cm { text-align: right; font-variant-numeric: tabular-nums; }
        td.diag0, td.off0 { color: #9ca3af; }
        td.diag1 { background: #f0fdf4; } td.diag2 { background: #dcfce7; } td.diag3 { background: #bbf7d0; }
        td.diag4 { background: #86efac; }
        td.off1 { background: #fef2f2; } td.off2 { background: #fee2e2; } td.off3 { background: #fecaca; }
        td.off4 { background: #fca5a5; }
        .notice { background: #eff6ff; border: 1px solid #bfdbfe; padding: .4rem .6rem; }
        pre.preview { white-space: pre-wrap; background: #fff; border: 1px solid #e5e7eb; padding: .8rem; }
        """
}
