import AgendaStore

/// The page frame: head, navigation, the logout form. No script anywhere; the only style sheet is `/static/app.css`.
enum Layout {
    /// A page for a logged-in user.
    static func page(title: String, session: Session, body: HTML) -> HTML {
        let user = session.user
        var links: [HTML] = [
            "<a href=\"/agenda/manual\">Agenda</a>", "<a href=\"/charts\">Charts</a>", "<a href=\"/alerts\">Alerts</a>",
        ]
        if user.role != .collector { links.append("<a href=\"/operator\">Operations</a>") }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · ingestd</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><header class="top"><span class="brand">ingestd</span><nav>\(links)</nav>
            <span class="who">\(user.name) (\(user.role.rawValue))</span>
            <form method="post" action="/logout" class="inline">\(csrf(session))<button type="submit">Log out</button></form>
            </header><main>\(body)</main></body></html>
            """
    }

    /// A page without a user (login, errors).
    static func bare(title: String, body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · ingestd</title><link rel="stylesheet" href="/static/app.css"></head>
        <body><header class="top"><span class="brand">ingestd</span></header><main>\(body)</main></body></html>
        """
    }

    /// The hidden CSRF field of a form.
    static func csrf(_ session: Session) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(session.csrfToken)\">"
    }
}
