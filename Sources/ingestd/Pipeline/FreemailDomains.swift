/// Domains of public mail providers: many unrelated people write from them, so a sender's domain among these says
/// nothing about which customer writes (the "sender's domain" rule skips them; the exact address still counts).
enum FreemailDomains {
    /// The domains, lower-cased.
    static let all: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.de", "yahoo.es", "yahoo.it", "yahoo.co.uk",
        "ymail.com", "hotmail.com", "hotmail.fr", "hotmail.de", "hotmail.es", "hotmail.it", "hotmail.co.uk",
        "outlook.com", "outlook.fr", "outlook.de", "outlook.es", "outlook.it", "live.com", "live.fr", "live.de",
        "msn.com", "aol.com", "aol.de", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com",
        "pm.me", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "gmx.fr", "web.de", "t-online.de",
        "freenet.de", "mail.de", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr",
        "bbox.fr", "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tin.it", "telefonica.net", "terra.es",
        "ziggo.nl", "kpnmail.nl", "planet.nl", "hetnet.nl", "home.nl", "telenet.be", "skynet.be", "bluewin.ch",
        "sapo.pt", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "seznam.cz", "yandex.ru", "yandex.com", "mail.ru",
        "bk.ru", "inbox.ru", "list.ru", "qq.com", "163.com", "126.com", "sina.com", "yeah.net", "naver.com",
        "daum.net", "hanmail.net", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "i.softbank.jp",
        "zoho.com", "fastmail.com", "tutanota.com", "mail.com", "email.com", "abv.bg", "hotmail.be", "outlook.be",
    ]
}
