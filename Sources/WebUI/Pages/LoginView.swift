/// The login form. Its CSRF token is the double-submit cookie's value.
enum LoginView {
    static func page(token: String, message: String?) -> HTML {
        let error: HTML = message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.bare(title: "Log in", body: """
            <h1>Log in</h1>
            \(error)
            <form method="post" action="/login">
            <input type="hidden" name="_csrf" value="\(token)">
            <p><label>Login <input name="login" autocomplete="username" required autofocus></label></p>
            <p><label>Password <input type="password" name="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Log in</button></p>
            </form>
            """)
    }
}
