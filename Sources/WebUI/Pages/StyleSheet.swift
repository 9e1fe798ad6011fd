/// The one style sheet, served as `/static/app.css` (no CDN, no web font). Row colours are DESIGN.md's: automatic
/// green confirmed, red overdue unconfirmed, white upcoming unconfirmed, yellow error; manual red late, blue upcoming.
enum StyleSheet {
    static let css = """
        :root { --grey: #6b7280; --red: #b91c1c; --green: #dcfce7; --redbg: #fee2e2; --yellow: #fef9c3;
                --blue: #dbeafe; --line: #e5e7eb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #111827; background: #f9fafb; }
        header.top { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; background: #1f2937;
                     color: #f9fafb; }
        header.top a { color: #f9fafb; } .brand { font-weight: 700; } .who { margin-left: auto; }
        header.top nav { display: flex; gap: 1rem; }
        main { padding: 1rem 1.2rem; max-width: 1200px; }
        form.inline { display: inline; margin: 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        .tabs { display: flex; gap: .25rem; margin: .5rem 0 1rem; border-bottom: 1px solid var(--line); }
        .tabs a { padding: .45rem .8rem; text-decoration: none; color: #111827; border: 1px solid transparent; }
        .tabs a.current { border-color: var(--line); border-bottom-color: #f9fafb; background: #fff; font-weight: 600; }
        .count-total { color: var(--grey); margin-left: .3rem; }
        .count-todo { color: #fff; background: var(--red); border-radius: .6rem; padding: 0 .4rem; margin-left: .2rem; }
        tr.green td { background: var(--green); } tr.red td { background: var(--redbg); }
        tr.white td { background: #fff; } tr.yellow td { background: var(--yellow); } tr.blue td { background: var(--blue); }
        .filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; background: #fff; padding: .6rem;
                   border: 1px solid var(--line); margin-bottom: .8rem; }
        .filters fieldset { border: 0; padding: 0; margin: 0; }
        .visible { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: .8rem; }
        mark { background: #fde68a; } .pre { white-space: pre-wrap; }
        .meta dt { font-weight: 600; float: left; clear: left; width: 9rem; } .meta dd { margin: 0 0 .3rem 9.5rem; }
        .error { color: var(--red); } .muted { color: var(--grey); }
        .proposal { background: #fff; border: 1px solid var(--line); padding: .6rem; margin-bottom: .6rem; }
        .pager { margin-top: .6rem; display: flex; gap: 1rem; }
        """
}
